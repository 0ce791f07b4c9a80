/* Minimal assertion helpers for the C tests. */
#ifndef FERROKAFKA_TESTUTIL_H
#define FERROKAFKA_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tu_failures = 0;

#define CHECK(cond, ...)                                                    \
        do {                                                                \
                if (!(cond)) {                                              \
                        fprintf(stderr, "%s:%d: CHECK(%s) failed: ",        \
                                __FILE__, __LINE__, #cond);                 \
                        fprintf(stderr, __VA_ARGS__);                       \
                        fprintf(stderr, "\n");                              \
                        tu_failures++;                                      \
                }                                                           \
        } while (0)

#define CHECK_INT(a, b)                                                     \
        CHECK((long long)(a) == (long long)(b), "%s = %lld, expected %lld", \
              #a, (long long)(a), (long long)(b))

#define CHECK_STR(a, b)                                                     \
        do {                                                                \
                const char *_a = (a), *_b = (b);                            \
                CHECK(_a && _b && !strcmp(_a, _b), "%s = \"%s\", expected \"%s\"", \
                      #a, _a ? _a : "(null)", _b ? _b : "(null)");          \
        } while (0)

#define CHECK_CONTAINS(hay, needle)                                         \
        do {                                                                \
                const char *_h = (hay), *_n = (needle);                     \
                CHECK(_h && strstr(_h, _n), "%s = \"%s\" lacks \"%s\"",     \
                      #hay, _h ? _h : "(null)", _n);                        \
        } while (0)

/* Call at the end of main(). */
#define TEST_DONE()                                                         \
        do {                                                                \
                if (tu_failures) {                                          \
                        fprintf(stderr, "%s: %d check(s) failed\n",         \
                                __FILE__, tu_failures);                     \
                        return 1;                                           \
                }                                                           \
                printf("%s: ok\n", __FILE__);                               \
                return 0;                                                   \
        } while (0)

#endif
