// Internal: one function per synthetic image family (dispatched by generate()).
#pragma once
#include "canvas.hpp"
#include "medpics/demo/applicants.hpp"
#include "medpics/demo/generator.hpp"

namespace medpics::synth::detail {

SynthImage radiograph(Rng& rng, const PatientIdentity& p, cv::Size size, bool inverted, const Style& st = {});
SynthImage labReport(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st = {});
SynthImage ecg(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st = {});
SynthImage skinPhoto(Rng& rng, cv::Size size, bool withFace, const Style& st = {});
SynthImage wristband(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st = {});
SynthImage ultrasound(Rng& rng, const PatientIdentity& p, cv::Size size, const Style& st);
SynthImage proof(Rng& rng, const DemoApplicant& a);

}  // namespace medpics::synth::detail
