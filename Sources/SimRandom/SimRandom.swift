// SimRandom module
