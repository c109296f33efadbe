#ifndef CARTSIM_CGSL_SHIM_H
#define CARTSIM_CGSL_SHIM_H
// GSL headers used by cartsim. GSL exposes its generator types as global
// variables (gsl_rng_mt19937, ...); Swift 6 strict concurrency rejects reading
// such mutable globals, so they are read through the static inline accessors below.
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_math.h>

/// The Mersenne Twister generator type (MT19937).
static inline const gsl_rng_type *cartsim_rng_mt19937(void) { return gsl_rng_mt19937; }

/// Turns GSL's abort-on-error handler off; callers check return codes instead.
static inline void cartsim_gsl_errors_off(void) { (void)gsl_set_error_handler_off(); }

#endif
