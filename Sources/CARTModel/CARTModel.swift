// CARTModel module
