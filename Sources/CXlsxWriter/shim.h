#ifndef CARTSIM_CXLSXWRITER_SHIM_H
#define CARTSIM_CXLSXWRITER_SHIM_H
// libxlsxwriter, used by SpreadsheetExport to write results.xlsx from a results folder's CSV files.
#include <xlsxwriter.h>
#endif
