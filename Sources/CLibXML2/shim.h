// Debian builds libxml2 with ICU, and libxml/encoding.h then includes ICU headers that clash
// with Foundation's own ICU (../shared/notes). Nothing here needs ICU encodings, so switch the
// flag off between the version header and the rest.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
