// SimKernel module
