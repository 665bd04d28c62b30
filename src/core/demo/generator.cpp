// generate(): picks a size and a patient from the seed and calls the generator of the kind.
#include "generators.hpp"

namespace medpics::synth {

std::string kindName(ImageKind kind) {
  switch (kind) {
    case ImageKind::RadiographDark: return "radiograph_dark";
    case ImageKind::RadiographLight: return "radiograph_light";
    case ImageKind::LabReport: return "lab_report";
    case ImageKind::Ecg: return "ecg";
    case ImageKind::SkinFace: return "skin_face";
    case ImageKind::SkinTattoo: return "skin_tattoo";
    case ImageKind::Wristband: return "wristband";
    case ImageKind::RppsCard: return "rpps_card";
    case ImageKind::OrdreCertificate: return "ordre_certificate";
    case ImageKind::StudentCard: return "student_card";
    case ImageKind::Ultrasound: return "ultrasound";
  }
  return "unknown";
}

std::string postKind(ImageKind kind) {
  switch (kind) {
    case ImageKind::RadiographDark:
    case ImageKind::RadiographLight:
    case ImageKind::Ultrasound: return "radiograph";
    case ImageKind::LabReport: return "lab_report";
    case ImageKind::Ecg: return "ecg";
    case ImageKind::SkinFace:
    case ImageKind::SkinTattoo: return "photo";
    case ImageKind::Wristband: return "wristband";
    default: return "document";
  }
}

SynthImage generate(ImageKind kind, uint64_t seed, const GenerateOptions& options) {
  Rng rng(seed * 1000003ull + static_cast<uint64_t>(kind));
  const PatientIdentity patient = options.patient ? *options.patient
                                  : options.hard  ? randomHardPatient(rng)
                                                  : randomPatient(rng);
  const detail::Style st = detail::pickStyle(rng, options);
  auto sized = [&](int w, int h) {
    return options.width > 0 && options.height > 0 ? cv::Size(options.width, options.height) : cv::Size(w, h);
  };
  switch (kind) {
    case ImageKind::RadiographDark:
    case ImageKind::RadiographLight: {
      const int w = rng.uniform(1000, 1700);
      return detail::radiograph(rng, patient, sized(w, w * 5 / 4), kind == ImageKind::RadiographLight, st);
    }
    case ImageKind::LabReport: {
      const int w = rng.uniform(1200, 2000);
      return detail::labReport(rng, patient, sized(w * 3 / 4, w), st);
    }
    case ImageKind::Ecg: {
      const int w = rng.uniform(1600, 2400);
      return detail::ecg(rng, patient, sized(w, w * 210 / 297), st);
    }
    case ImageKind::SkinFace:
    case ImageKind::SkinTattoo: {
      const int w = rng.uniform(1200, 2400);
      return detail::skinPhoto(rng, sized(w, w * 3 / 4), kind == ImageKind::SkinFace, st);
    }
    case ImageKind::Wristband: {
      const int w = rng.uniform(1200, 2000);
      return detail::wristband(rng, patient, sized(w, w * 3 / 4), st);
    }
    case ImageKind::Ultrasound: {
      const int w = rng.uniform(1000, 1600);
      return detail::ultrasound(rng, patient, sized(w, w * 3 / 4), st);
    }
    case ImageKind::RppsCard:
    case ImageKind::OrdreCertificate:
    case ImageKind::StudentCard: {
      auto applicants = demoApplicants(2026);
      DemoApplicant a = applicants[static_cast<size_t>(rng.uniform(0, 11))];
      a.documentKind = kind == ImageKind::RppsCard      ? "rpps_card"
                       : kind == ImageKind::StudentCard ? "student_card"
                                                        : "ordre_certificate";
      if (kind == ImageKind::StudentCard) {
        a.ine = beaIne(seed);
        a.documentIdentifier = a.ine;
        a.university = "Université de Bordeaux";
        a.academicYear = "2026-2027";
        a.documentExpiry = "31/08/2027";
      }
      a.documentFirstName = randomFirstName(rng, rng.chance(0.5) ? 'F' : 'M');
      a.documentLastName = randomLastName(rng);
      return detail::proof(rng, a);
    }
  }
  return {};
}

SynthImage proofDocument(const DemoApplicant& applicant, uint64_t seed) {
  Rng rng(seed);
  return detail::proof(rng, applicant);
}

}  // namespace medpics::synth
