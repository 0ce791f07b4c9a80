/* Helpers for the integration tests (it_*.c), run by
 * tests/integration/run.sh against an independent broker. */
#ifndef FERROKAFKA_ITTEST_H
#define FERROKAFKA_ITTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <stdarg.h>
#include "testutil.h"

static __attribute__((unused)) const char *it_broker(void) {
        const char *b = getenv("IT_BROKER");
        return b ? b : "none";
}

static __attribute__((unused)) const char *it_bootstrap(void) {
        const char *b = getenv("IT_BOOTSTRAP");
        if (!b) {
                fprintf(stderr, "IT_BOOTSTRAP is not set: run via tests/integration/run.sh\n");
                exit(2);
        }
        return b;
}

/* Creates a topic on the broker under test (tests/integration/create-topic.sh);
 * returns 0 on success. */
static __attribute__((unused)) int it_create_topic(const char *name, int partitions) {
        char cmd[1024];
        const char *top = getenv("IT_TOP");
        snprintf(cmd, sizeof(cmd), "%s/tests/integration/create-topic.sh '%s' %d", top ? top : ".", name, partitions);
        return system(cmd) == 0 ? 0 : -1;
}

/* The system librdkafka's mock cluster (tests/brokers/refmock.c): for
 * behaviour specific to librdkafka 2.0.2's mock. */
static __attribute__((unused)) int it_is_refmock(void) {
        return !strcmp(it_broker(), "refmock");
}

/* librdkafka's mock cluster, 2.0.2's (refmock) or 2.16's (refmock848): for
 * what both lack (ListOffsets by timestamp answers -1). */
static __attribute__((unused)) int it_is_librdkafka_mock(void) {
        return it_is_refmock() || !strcmp(it_broker(), "refmock848");
}

/* A mock cluster (refmock; refmock848, the mock cluster of librdkafka 2.16
 * with the KIP-848 coordinator; or ferrokafka's own: ferromock): 3 brokers
 * and fault injection through it_mock_cmd(). */
static __attribute__((unused)) int it_is_mock(void) {
        return it_is_refmock() || !strcmp(it_broker(), "refmock848") || !strcmp(it_broker(), "ferromock");
}

static __attribute__((unused)) long long it_now_ms(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Sends a fault-injection command to the mock cluster under test (see
 * it_is_mock(); commands in tests/brokers/refmock.c) and waits for its
 * answer; returns 0 on "ok". */
static __attribute__((unused)) int it_mock_cmd(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static __attribute__((unused)) int it_mock_cmd(const char *fmt, ...) {
        const char *ctl = getenv("IT_MOCK_CTL"), *out = getenv("IT_MOCK_OUT");
        char cmd[512], line[512], last[512] = "";
        va_list ap;
        FILE *f;
        int lines_before = 0, i;
        if (!ctl || !out)
                return -1;
        va_start(ap, fmt);
        vsnprintf(cmd, sizeof(cmd), fmt, ap);
        va_end(ap);
        if ((f = fopen(out, "r"))) {
                while (fgets(line, sizeof(line), f))
                        lines_before++;
                fclose(f);
        }
        if (!(f = fopen(ctl, "w")))
                return -1;
        fprintf(f, "%s\n", cmd);
        fclose(f);
        for (i = 0; i < 200; i++) {
                int n = 0;
                usleep(10000);
                if (!(f = fopen(out, "r")))
                        continue;
                while (fgets(line, sizeof(line), f)) {
                        n++;
                        strcpy(last, line);
                }
                fclose(f);
                if (n > lines_before)
                        return strncmp(last, "ok", 2) ? -1 : 0;
        }
        return -1;
}

/* Threads of this process, from /proc. */
static __attribute__((unused)) int it_thread_count(void) {
        char line[256];
        int n = -1;
        FILE *f = fopen("/proc/self/status", "r");
        if (!f)
                return -1;
        while (fgets(line, sizeof(line), f))
                if (!strncmp(line, "Threads:", 8))
                        n = atoi(line + 8);
        fclose(f);
        return n;
}

#endif
