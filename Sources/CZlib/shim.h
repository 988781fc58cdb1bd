// The system's zlib (Debian zlib1g-dev), for the deflate streams inside .xlsx workbooks.
#include <zlib.h>
