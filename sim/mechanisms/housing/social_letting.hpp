// social_letting.hpp — vacant social dwellings are let to eligible long-term-rental tenants from
// the zone's waiting list (MODEL.md §7.9, the pathway of the `housing.social_units_per_year`
// lever). Social housing in Catalonia is let through municipal registers of applicants
// (Registre de Sol·licitants d'Habitatge amb Protecció Oficial) by lottery among those below an
// income limit; the model takes applicants from the LTR tenants resident in the zone, whose
// LTR dwelling becomes vacant, so new social units relieve the LTR market through its vacancy.
#pragma once
#include <cstdint>
#include <vector>

#include "agents/households.hpp"
#include "core/step_context.hpp"
#include "mechanisms/housing/housing_params.hpp"

namespace metrosim::mechanisms {

/// Units let in a zone this month: ⌈rate × excess⌉ with excess = vacant − natural·stock of the
/// social use (0 when excess ≤ 0); never more than the vacant units.
std::int64_t social_lettings_due(const HousingParams& p, std::int64_t stock, std::int64_t vacant);

/// In every non-external zone, lets social_lettings_due units to the LTR tenants of the zone with
/// income < social_income_limit × metro_mean_income that have the lowest keyed uniform
/// (core::Mechanism::kLandlord, household id, step, slot 2; ties by id): they become social
/// tenants of the zone (rent 0, lease from this month, landlord kSmall) and occupancy moves from
/// LTR to social use. Order- and thread-independent. Returns the lettings per zone (agent units).
std::vector<std::int64_t> let_social_vacancies(const HousingParams& p, const core::StepContext& ctx,
                                               double metro_mean_income, agents::Households& hh,
                                               agents::Zones& zones);

}  // namespace metrosim::mechanisms
