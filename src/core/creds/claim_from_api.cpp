// Conversion of the platform's applicant (api::Applicant) into the claim the registration checks take.
#include "medpics/creds/registration.hpp"

namespace medpics::creds {

RegistrationClaim claimFromApplicant(const api::Applicant& a) {
  RegistrationClaim claim;
  claim.firstName = a.firstName;
  claim.lastName = a.lastName;
  claim.birthName = a.birthName;
  claim.profession = a.profession;
  claim.professionCode = a.professionCode;
  claim.category = a.category == "student" ? ApplicantCategory::Student : ApplicantCategory::Professional;
  claim.rpps = a.rpps;
  claim.adeli = a.adeli;
  claim.ordreNumber = a.ordreNumber;
  claim.ine = a.ine;
  claim.university = a.university;
  claim.academicYear = a.academicYear;
  return claim;
}

}  // namespace medpics::creds
