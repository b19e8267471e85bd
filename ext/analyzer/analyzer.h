/*
** analyzer.h: what the extension's own modules may see of an analyzer.
*/
#ifndef KOAI_ANALYZER_H
#define KOAI_ANALYZER_H

#include "koai.h"
#include "normalize.h"

/*
** The normalized text of the segment analysed last by
** koai_analyze_segment(); a morpheme's surface points into it.  Valid
** until the next analysis.
*/
const koai_normbuf *koai_analyzer_normbuf(const koai_analyzer *a);

#endif /* KOAI_ANALYZER_H */
