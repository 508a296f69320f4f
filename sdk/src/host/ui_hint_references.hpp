// The canvas hints of a bundle's inputs (x-ui showIf, choiceGroup and
// options) point at other inputs and nodes; the schema can only check their
// shape, so these checks find the names that point nowhere.
#pragma once

#include "bundle_manifest.hpp"

namespace wfn::host::detail {

// Throws load_failure naming the node file and the input whose hint names
// something that is not there:
//  - showIf: a sibling input of the node, with a non-empty list of values;
//  - choiceGroup: a group of at least two inputs, none of them required on
//    its own (a canvas would hide a required input);
//  - options: a node of this plugin, whose outputs declare `items` as an
//    array.
void check_ui_hint_references(const bundle_manifest& bundle);

}  // namespace wfn::host::detail
