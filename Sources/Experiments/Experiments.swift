// Experiments module
