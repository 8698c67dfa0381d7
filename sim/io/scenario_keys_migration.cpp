// scenario_keys_migration.cpp — keys of the [migration], [talent] and exogenous [brand] sections,
// bound to model::Scenario::migration (MODEL.md §7.7).
#include "io/key_binding.hpp"

namespace metrosim::io::key_binding {

namespace {

using P = mechanisms::MigrationParams;
using S = mechanisms::StreamParams;

void stream(Keys& k, const std::string& section, const char* who, S P::*st, bool owners) {
  const auto key = [&](const char* field) { return section + "." + who + "_" + field; };
  add(k, dbl("", "households/year", in(0, 1e6), ""), &Scenario::migration, st,
      &S::arrivals_per_year);
  k.back().name = key("arrivals_per_year");
  k.back().doc = std::string("arrivals of ") + who + " households per year at reference drivers";
  add(k, dbl("", "ratio to metro mean", in(0, 10, "(]"), ""), &Scenario::migration, st,
      &S::income_ratio);
  k.back().name = key("income_ratio");
  k.back().doc = std::string("mean income of arriving ") + who + " households / metro mean income";
  if (section == "talent") {
    add(k, dbl("", "probability per year", in(0, 1), ""), &Scenario::migration, st,
        &S::departure_rate);
    k.back().name = key("departure_rate");
    k.back().doc = std::string("yearly departure hazard of ") + who +
                   " households (before the retention programme)";
  }
  if (owners) {
    add(k, dbl("", "share", in(0, 1), ""), &Scenario::migration, st, &S::owner_share);
    k.back().name = key("owner_share");
    k.back().doc = std::string("share of arriving ") + who + " households seeking owner-occupation";
  }
}

}  // namespace

void add_migration_keys(Keys& k) {
  stream(k, "migration", "other", &P::other, true);
  stream(k, "talent", "student", &P::student, false);
  stream(k, "talent", "researcher", &P::researcher, false);
  stream(k, "talent", "skilled", &P::skilled, true);
  const auto m = [&](KeySpec spec, double P::*f) {
    add(k, std::move(spec), &Scenario::migration, f);
  };
  m(dbl("migration.emigration_rate", "probability per year", in(0, 0.5),
        "yearly out-migration of long-standing and other households"),
    &P::emigration_rate);
  m(dbl("migration.formation_rate", "households per year per household", in(0, 0.2),
        "new households formed per year per household with head aged 35–64"),
    &P::formation_rate);
  m(dbl("migration.dissolution_rate", "probability per year", in(0, 0.5),
        "yearly dissolution of households with head aged 65+"),
    &P::dissolution_rate);
  m(dbl("migration.ageing_young", "probability per year", in(0, 1),
        "yearly transition of heads under 35 to 35–64"),
    &P::ageing_young);
  m(dbl("migration.ageing_mid", "probability per year", in(0, 1),
        "yearly transition of heads 35–64 to 65+"),
    &P::ageing_mid);
  m(dbl("migration.candidate_headroom", "ratio", in(1, 100),
        "maximum rate of each arrival candidate stream / its default rate (thinning bound)",
        "design choice: bounds every scenario's arrival rate"),
    &P::candidate_headroom);
  // The thinning bound fixes the candidate streams: changing it mid-run would break common
  // random numbers, so it is not a shock target.
  k.back().dynamic = false;
  // initial_age_shares is an array: bind its elements by hand (35–64 is the remainder).
  for (int band : {0, 2}) {
    KeySpec spec =
        dbl(band == 0 ? "migration.initial_share_under35" : "migration.initial_share_65plus",
            "share of households", in(0, 1),
            band == 0 ? "households with head under 35 at start (assumption; INE "
                        "household survey order of magnitude)"
                      : "households with head 65+ at start; 35–64 is the rest");
    const auto b = static_cast<std::size_t>(band);
    spec.get = [b](const Scenario& s) { return KeyValue(s.migration.initial_age_shares[b]); };
    spec.set = [b](Scenario& s, const KeyValue& v) {
      s.migration.initial_age_shares[b] = std::get<double>(v);
      s.migration.initial_age_shares[1] =
          1.0 - s.migration.initial_age_shares[0] - s.migration.initial_age_shares[2];
    };
    spec.dynamic = false;  // the initial population only
    k.push_back(std::move(spec));
  }
  // The metro brand's initial state (World::brands evolves from it, MODEL.md §7.2); tourism's
  // and talent's reference levels equal these defaults, so demand at t = 0 is the calibrated one.
  m(dbl("brand.metro_awareness", "1", in(0, 1), "metro brand awareness A_metro at start"),
    &P::metro_awareness);
  k.back().dynamic = false;
  m(dbl("brand.metro_image", "1", in(0, 1), "metro brand image Q_metro at start"), &P::metro_image);
  k.back().dynamic = false;
  m(dbl("talent.reference_awareness", "1", in(0, 1, "(]"),
        "awareness at which talent arrivals equal their base rates"),
    &P::reference_awareness);
  m(dbl("talent.reference_image", "1", in(0, 1, "(]"),
        "image at which talent arrivals equal their base rates"),
    &P::reference_image);
  m(dbl("talent.awareness_elasticity", "1", in(0, 5), "elasticity of talent arrivals to awareness"),
    &P::talent_awareness_elasticity);
  m(dbl("talent.image_elasticity", "1", in(0, 5), "elasticity of talent arrivals to image"),
    &P::talent_image_elasticity);
  m(dbl("talent.retention_programme", "intensity", in(0, 1),
        "lever: talent retention programme (0 = none, 1 = full programme)", "policy lever"),
    &P::retention_programme);
  m(dbl("talent.retention_departure_cut", "share", in(0, 1),
        "share of talent departure hazards removed by a full retention programme"),
    &P::retention_departure_cut);
  m(dbl("talent.retention_arrival_gain", "ratio", in(0, 2),
        "relative rise of talent arrivals with a full retention programme"),
    &P::retention_arrival_gain);
}

}  // namespace metrosim::io::key_binding
