import CGSL

/// Turns GSL's abort-on-error handler off, once per process.
///
/// A Swift global `let` is initialised lazily and exactly once, even when several threads
/// race to read it, so touching it is a cheap, thread-safe "call once".
private let gslErrorHandlerIsOff: Void = cartsim_gsl_errors_off()

/// Makes sure GSL reports failures through return values instead of aborting the process.
///
/// Every entry point of this module that calls GSL (streams, distributions, statistics)
/// calls this first, so no GSL call can happen before the handler is off.
func ensureGSLErrorHandlerOff() {
    gslErrorHandlerIsOff
}
