#ifndef CARTSIM_CYAML_SHIM_H
#define CARTSIM_CYAML_SHIM_H
// libyaml's event parser, used by ScenarioFile to build a node tree with line/column marks.
#include <yaml.h>
#endif
