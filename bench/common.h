/*
 * Shared helpers of the benchmark programs (producer_bench, consumer_bench,
 * latency_bench): clocks, resource usage, the identity of the librdkafka
 * that the dynamic linker actually loaded, configuration options, and the
 * one-line JSON result.
 *
 * The programs are linked by soname (librdkafka.so.1); LD_LIBRARY_PATH
 * chooses whether ferrokafka or a librdkafka runs them.
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>

static inline uint64_t now_ns(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline double secs(uint64_t ns) {
        return (double)ns / 1e9;
}

/* User + system CPU of the whole process (every thread), in microseconds. */
typedef struct {
        double user_us, sys_us;
        long maxrss_kb;
} usage_t;

static inline usage_t usage_now(void) {
        struct rusage ru;
        usage_t u;
        getrusage(RUSAGE_SELF, &ru);
        u.user_us = (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec;
        u.sys_us = (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec;
        u.maxrss_kb = ru.ru_maxrss;
        return u;
}

/* The file the running rd_kafka_version() comes from: proves which library
 * LD_LIBRARY_PATH selected. */
static inline const char *library_path(void) {
        Dl_info info;
        if (dladdr((void *)rd_kafka_version, &info) && info.dli_fname)
                return info.dli_fname;
        return "?";
}

/* The last error the client reported through error_cb (e.g. "all brokers
 * down", a failed ApiVersion exchange); quoted in the output. */
static char g_client_error[512];
static pthread_mutex_t g_client_error_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- one-line JSON output ------------------------------------------- */

typedef struct {
        char buf[16384];
        size_t len;
} json_t;

static inline void json_raw(json_t *j, const char *fmt, ...) {
        va_list ap;
        int n;
        if (j->len >= sizeof(j->buf))
                return;
        va_start(ap, fmt);
        n = vsnprintf(j->buf + j->len, sizeof(j->buf) - j->len, fmt, ap);
        va_end(ap);
        if (n > 0)
                j->len += (size_t)n;
        if (j->len >= sizeof(j->buf))
                j->len = sizeof(j->buf) - 1;
}

static inline void json_key(json_t *j, const char *key) {
        json_raw(j, "%s\"%s\":", (j->len && j->buf[j->len - 1] != '{') ? "," : "", key);
}

static inline void json_str(json_t *j, const char *key, const char *val) {
        const unsigned char *p;
        json_key(j, key);
        if (!val) {
                json_raw(j, "null");
                return;
        }
        json_raw(j, "\"");
        for (p = (const unsigned char *)val; *p; p++) {
                if (*p == '"' || *p == '\\')
                        json_raw(j, "\\%c", *p);
                else if (*p < 0x20)
                        json_raw(j, "\\u%04x", *p);
                else
                        json_raw(j, "%c", *p);
        }
        json_raw(j, "\"");
}

static inline void json_num(json_t *j, const char *key, double val) {
        json_key(j, key);
        if (val != val)
                json_raw(j, "null");
        else
                json_raw(j, "%.6g", val);
}

static inline void json_int(json_t *j, const char *key, long long val) {
        json_key(j, key);
        json_raw(j, "%lld", val);
}

static inline void json_bool(json_t *j, const char *key, int val) {
        json_key(j, key);
        json_raw(j, val ? "true" : "false");
}

static inline void json_begin(json_t *j, const char *bench) {
        j->len = 0;
        json_raw(j, "{");
        json_str(j, "bench", bench);
        json_str(j, "library", rd_kafka_version_str());
        json_str(j, "library_path", library_path());
}

static inline void json_end(json_t *j) {
        pthread_mutex_lock(&g_client_error_lock);
        if (g_client_error[0] && !strstr(j->buf, "\"error\":"))
                json_str(j, "client_error", g_client_error);
        pthread_mutex_unlock(&g_client_error_lock);
        json_raw(j, "}");
        printf("%s\n", j->buf);
        fflush(stdout);
}

/* g_client_error: the last error the client reported through error_cb
 * (e.g. "all brokers down", a failed ApiVersion exchange), quoted when a run
 * fails. */

/* The last log line of level warning or worse, quoted when a run fails and
 * the client reported no error through error_cb. Logs still go to stderr. */
static char g_client_log[512];

static void bench_log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
        (void)rk;
        /* CLOCK_MONOTONIC in ms first, to line logs up with the latency
         * benchmark's --dump file. */
        fprintf(stderr, "%.3f %%%d|%s|%s|%s\n", (double)now_ns() / 1e6, level, fac, rd_kafka_name(rk), buf);
        if (level > 4)
                return;
        pthread_mutex_lock(&g_client_error_lock);
        snprintf(g_client_log, sizeof(g_client_log), "%s: %s", fac, buf);
        pthread_mutex_unlock(&g_client_error_lock);
}

static void bench_error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
        (void)rk;
        (void)opaque;
        pthread_mutex_lock(&g_client_error_lock);
        snprintf(g_client_error, sizeof(g_client_error), "%s: %s",
                 rd_kafka_err2name((rd_kafka_resp_err_t)err), reason ? reason : "");
        pthread_mutex_unlock(&g_client_error_lock);
}

/* Reports a benchmark that could not run (or broke off) and exits 2. The
 * runner shows such a row as "not available: <error>". */
static inline void bench_fail(const char *bench, const char *fmt, ...) {
        char msg[1024];
        json_t j;
        va_list ap;
        size_t len;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        pthread_mutex_lock(&g_client_error_lock);
        len = strlen(msg);
        if (g_client_error[0] && len < sizeof(msg))
                snprintf(msg + len, sizeof(msg) - len, " (last client error: %s)", g_client_error);
        else if (g_client_log[0] && len < sizeof(msg))
                snprintf(msg + len, sizeof(msg) - len, " (last client log: %s)", g_client_log);
        pthread_mutex_unlock(&g_client_error_lock);
        json_begin(&j, bench);
        json_bool(&j, "ok", 0);
        json_bool(&j, "valid", 0);
        json_str(&j, "error", msg);
        json_end(&j);
        fprintf(stderr, "%s: FAILED: %s\n", bench, msg);
        exit(2);
}

/* ---- configuration ------------------------------------------------- */

#define MAX_PROPS 64

typedef struct {
        const char *name[MAX_PROPS];
        const char *value[MAX_PROPS];
        int cnt;
} props_t;

/* "-X name=value" */
static inline void props_add_arg(props_t *p, const char *bench, const char *arg) {
        char *copy = strdup(arg), *eq = strchr(copy, '=');
        if (!eq)
                bench_fail(bench, "expected name=value, got \"%s\"", arg);
        if (p->cnt == MAX_PROPS)
                bench_fail(bench, "too many properties");
        *eq = '\0';
        p->name[p->cnt] = copy;
        p->value[p->cnt] = eq + 1;
        p->cnt++;
}

static inline void props_set(props_t *p, const char *name, const char *value) {
        int i;
        for (i = 0; i < p->cnt; i++)
                if (!strcmp(p->name[i], name)) {
                        p->value[i] = value;
                        return;
                }
        if (p->cnt < MAX_PROPS) {
                p->name[p->cnt] = name;
                p->value[p->cnt] = value;
                p->cnt++;
        }
}

static inline const char *props_get(const props_t *p, const char *name) {
        int i;
        for (i = p->cnt - 1; i >= 0; i--)
                if (!strcmp(p->name[i], name))
                        return p->value[i];
        return NULL;
}

static inline void props_apply(const props_t *p, rd_kafka_conf_t *conf, const char *bench) {
        char errstr[512];
        int i;
        rd_kafka_conf_set_error_cb(conf, bench_error_cb);
        rd_kafka_conf_set_log_cb(conf, bench_log_cb);
        for (i = 0; i < p->cnt; i++)
                if (rd_kafka_conf_set(conf, p->name[i], p->value[i], errstr, sizeof(errstr)) !=
                    RD_KAFKA_CONF_OK)
                        bench_fail(bench, "rd_kafka_conf_set(%s=%s): %s", p->name[i],
                                   p->value[i], errstr);
}

static inline void props_json(json_t *j, const char *key, const props_t *p) {
        int i;
        json_key(j, key);
        json_raw(j, "{");
        for (i = 0; i < p->cnt; i++)
                json_str(j, p->name[i], p->value[i]);
        json_raw(j, "}");
}

/* "--version": print the loaded library's identity and exit. */
static inline void print_version_and_exit(const char *bench) {
        json_t j;
        json_begin(&j, bench);
        json_int(&j, "version_int", rd_kafka_version());
        json_bool(&j, "ok", 1);
        json_end(&j);
        exit(0);
}

/* The payload pool: deterministic, text-like (compresses roughly like log
 * lines do), so that compression codecs have realistic work and
 * consecutive messages differ. Message i takes a slice at a varying offset. */
#define POOL_MIN (1u << 20)

static inline char *payload_pool(size_t size, size_t *pool_len) {
        static const char *words[] = {"kafka", "broker", "topic", "partition", "offset",
                                      "leader", "replica", "consumer", "producer", "group",
                                      "commit", "fetch", "record", "batch", "latency",
                                      "the", "of", "a", "to", "and", "event", "user",
                                      "order", "id", "status", "ok", "error", "value"};
        size_t n = POOL_MIN > size * 4 ? POOL_MIN : size * 4, i = 0;
        uint64_t x = 88172645463325252ull;
        char *pool = malloc(n + 1);
        if (!pool)
                return NULL;
        while (i < n) {
                const char *w;
                size_t wl;
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if (x % 7 == 0) {
                        i += (size_t)snprintf(pool + i, n + 1 - i, "%u ", (unsigned)(x >> 40) % 100000);
                        continue;
                }
                w = words[(x >> 8) % (sizeof(words) / sizeof(*words))];
                wl = strlen(w);
                if (i + wl + 1 > n)
                        break;
                memcpy(pool + i, w, wl);
                pool[i + wl] = ' ';
                i += wl + 1;
        }
        while (i < n)
                pool[i++] = '.';
        *pool_len = n;
        return pool;
}

static inline const char *pool_slice(const char *pool, size_t pool_len, size_t size, uint64_t i) {
        size_t span = pool_len - size;
        return pool + (span ? (size_t)((i * 7919u) % span) : 0);
}

#endif
