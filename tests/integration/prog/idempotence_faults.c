/* The idempotent producer under faults: produces COUNT numbered messages
 * (value "<i>", message i to partition i % PARTITIONS) with
 * enable.idempotence=true while a second thread injects faults into the
 * mock cluster every INTERVAL_MS, then reads the topic back with kcat and
 * checks, per partition, that nothing is lost, duplicated or reordered, and
 * that every message got exactly one delivery report, without error.
 *
 *   idempotence_faults TOPIC COUNT PARTITIONS SECONDS FAULTS INTERVAL_MS [PROP=VALUE...]
 *
 * The broker comes from the integration environment (IT_BOOTSTRAP,
 * IT_BROKER, IT_MOCK_CTL/IT_MOCK_OUT: tests/integration/run.sh). The
 * messages are produced at an even pace over SECONDS (0: as fast as the
 * queue takes them), in bursts every 50 ms, so faults hit a steady load.
 * FAULTS is a comma-separated list of fault kinds, injected in turn:
 *   notleader  the next Produce requests fail with NOT_LEADER_OR_FOLLOWER
 *   timeout    ... with REQUEST_TIMED_OUT
 *   brokerna   ... with BROKER_NOT_AVAILABLE
 *   replicas   ... with NOT_ENOUGH_REPLICAS
 *   down       a broker goes down for a while and comes back
 *   leader     a partition's leader moves to another broker
 *   rtt        a broker answers slowly for a while
 *   none       no fault (any broker)
 * Faults other than none need a mock cluster (refmock, ferromock).
 * KCAT (environment) is the command that reads the topic back (default:
 * kcat on the system librdkafka).
 *
 * Prints one line of figures:
 *   RESULT lib=<version> faults=<kinds> count=N reports=R failed=F
 *   report_dups=D consumed=C missing=M duplicates=U reordered=O faults_injected=I
 * and exits 0 only when reports == count, failed == dups == missing ==
 * duplicates == reordered == 0. Built against whichever librdkafka.so.1 is
 * loaded at run time (ferrokafka or the reference librdkafka). */
#include <pthread.h>
#include <stdint.h>
#include <sys/resource.h>
#include <librdkafka/rdkafka.h>
#include "ittest.h"

static int count, parts;
static unsigned char *reports;
static int report_dups, failed, first_err;
static volatile int stop_faults;
static int faults_injected;
static const char *topic;
static char fault_list[256];
static int interval_ms;

static void dr(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        intptr_t i = (intptr_t)m->_private;
        (void)rk; (void)opaque;
        if (i < 0 || i >= count)
                return;
        if (reports[i]++)
                report_dups++;
        if (m->err) {
                if (!failed++)
                        first_err = m->err;
        }
}

/* Sleeps ms milliseconds unless the run ends first. */
static void nap(int ms) {
        long long until = it_now_ms() + ms;
        while (!stop_faults && it_now_ms() < until)
                usleep(10000);
}

static int cmd(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int cmd(const char *fmt, ...) {
        char buf[512];
        va_list ap;
        int r;
        va_start(ap, fmt);
        vsnprintf(buf, sizeof(buf), fmt, ap);
        va_end(ap);
        r = it_mock_cmd("%s", buf);
        if (r)
                fprintf(stderr, "mock command failed: %s\n", buf);
        return r;
}

static void push_errors(int code) {
        /* One to three failed requests in a row. */
        int n = 1 + rand() % 3, i;
        char buf[128] = "errors 0";
        for (i = 0; i < n; i++)
                snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), " %d", code);
        cmd("%s", buf);
}

static void *fault_thread(void *arg) {
        char kinds[256], *save = NULL, *k;
        char *list[16];
        int n = 0, i = 0;
        (void)arg;
        snprintf(kinds, sizeof(kinds), "%s", fault_list);
        for (k = strtok_r(kinds, ",", &save); k && n < 16; k = strtok_r(NULL, ",", &save))
                if (strcmp(k, "none"))
                        list[n++] = k;
        if (!n)
                return NULL;
        nap(interval_ms / 2);
        while (!stop_faults) {
                const char *f = list[i++ % n];
                int broker = 1 + rand() % 3;
                if (!strcmp(f, "notleader"))
                        push_errors(6);
                else if (!strcmp(f, "timeout"))
                        push_errors(7);
                else if (!strcmp(f, "brokerna"))
                        push_errors(8);
                else if (!strcmp(f, "replicas"))
                        push_errors(19);
                else if (!strcmp(f, "leader"))
                        cmd("leader %s %d %d", topic, rand() % parts, broker);
                else if (!strcmp(f, "down")) {
                        cmd("down %d", broker);
                        nap(300 + rand() % 1200);
                        cmd("up %d", broker);
                } else if (!strcmp(f, "rtt")) {
                        cmd("rtt %d %d", broker, 100 + rand() % 300);
                        nap(500 + rand() % 1500);
                        cmd("rtt %d 0", broker);
                } else {
                        fprintf(stderr, "unknown fault kind %s\n", f);
                        exit(2);
                }
                faults_injected++;
                nap(interval_ms);
        }
        return NULL;
}

int main(int argc, char **argv) {
        char errstr[512], line[256], kcmd[1024];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        pthread_t thr;
        int i, seconds, missing = 0, duplicates = 0, reordered = 0, consumed = 0, no_report = 0, ok;
        int *last, *seen;
        long long start;
        double cpu_s;
        const char *kcat = getenv("KCAT");
        FILE *kc;
        rd_kafka_resp_err_t ferr;

        if (argc < 7) {
                fprintf(stderr, "usage: %s TOPIC COUNT PARTITIONS SECONDS FAULTS INTERVAL_MS [PROP=VALUE...]\n", argv[0]);
                return 2;
        }
        (void)tu_failures;
        topic = argv[1];
        count = atoi(argv[2]);
        parts = atoi(argv[3]);
        seconds = atoi(argv[4]);
        snprintf(fault_list, sizeof(fault_list), "%s", argv[5]);
        interval_ms = atoi(argv[6]);
        srand((unsigned)getpid());
        reports = calloc(count, 1);
        seen = calloc(count, sizeof(*seen));
        last = calloc(parts, sizeof(*last));

        conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "enable.idempotence", "true", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "max.in.flight", "5", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "linger.ms", "2", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "batch.num.messages", "200", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "retry.backoff.ms", "20", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "retry.backoff.max.ms", "200", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "topic.metadata.refresh.interval.ms", "1000", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr));
        if (getenv("IT_DEBUG"))
                rd_kafka_conf_set(conf, "debug", getenv("IT_DEBUG"), errstr, sizeof(errstr));
        for (i = 7; i < argc; i++) {
                char *eq = strchr(argv[i], '=');
                if (!eq)
                        return 2;
                *eq = 0;
                if (rd_kafka_conf_set(conf, argv[i], eq + 1, errstr, sizeof(errstr))) {
                        fprintf(stderr, "%s: %s\n", argv[i], errstr);
                        return 2;
                }
        }
        rd_kafka_conf_set_dr_msg_cb(conf, dr);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "rd_kafka_new: %s\n", errstr);
                return 2;
        }

        pthread_create(&thr, NULL, fault_thread, NULL);
        start = it_now_ms();
        for (i = 0; i < count; i++) {
                char value[16];
                rd_kafka_resp_err_t err;
                /* Keep to the pace: message i is due at i / count of the run. */
                if (seconds > 0 && i % 64 == 0) {
                        long long due = start + (long long)seconds * 1000 * i / count;
                        while (it_now_ms() < due)
                                rd_kafka_poll(rk, 5);
                }
                snprintf(value, sizeof(value), "%d", i);
                do {
                        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(i % parts),
                                                RD_KAFKA_V_VALUE(value, strlen(value)),
                                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_OPAQUE((void *)(intptr_t)i), RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                rd_kafka_poll(rk, 10);
                } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
                if (err) {
                        fprintf(stderr, "produce %d: %s\n", i, rd_kafka_err2str(err));
                        return 1;
                }
                if (i % 256 == 0)
                        rd_kafka_poll(rk, 0);
        }
        ferr = rd_kafka_flush(rk, 120000);
        stop_faults = 1;
        pthread_join(thr, NULL);
        if (strcmp(fault_list, "none")) {
                /* Leave the cluster whole for what comes next. */
                for (i = 1; i <= 3; i++) {
                        cmd("up %d", i);
                        cmd("rtt %d 0", i);
                }
        }
        if (ferr) {
                fprintf(stderr, "flush: %s (%d messages left)\n", rd_kafka_err2str(ferr), rd_kafka_outq_len(rk));
                ferr = rd_kafka_flush(rk, 60000);
        }
        for (i = 0; i < count; i++)
                no_report += reports[i] == 0;
        rd_kafka_destroy(rk);
        {
                /* CPU of the producing process (both libraries are measured
                 * the same way; informative only). */
                struct rusage ru;
                getrusage(RUSAGE_SELF, &ru);
                cpu_s = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
        }
        fprintf(stderr, "produced %d messages in %.1f s, %.1f s CPU\n", count, (it_now_ms() - start) / 1000.0, cpu_s);

        /* Read everything back. */
        snprintf(kcmd, sizeof(kcmd), "%s -C -b %s -t %s -e -q -f '%%p %%s\\n' 2>/dev/null",
                 kcat ? kcat : "env -u LD_LIBRARY_PATH kcat", it_bootstrap(), topic);
        kc = popen(kcmd, "r");
        if (!kc) {
                perror("kcat");
                return 2;
        }
        for (i = 0; i < parts; i++)
                last[i] = -1;
        while (fgets(line, sizeof(line), kc)) {
                int p, v;
                if (sscanf(line, "%d %d", &p, &v) != 2 || p < 0 || p >= parts || v < 0 || v >= count || v % parts != p) {
                        fprintf(stderr, "unexpected line: %s", line);
                        continue;
                }
                consumed++;
                if (seen[v]++ && duplicates++ < 5)
                        fprintf(stderr, "partition %d: message %d again (after %d)\n", p, v, last[p]);
                if (v < last[p] && reordered++ < 5)
                        fprintf(stderr, "partition %d: message %d after %d\n", p, v, last[p]);
                last[p] = v;
        }
        pclose(kc);
        for (i = 0; i < count; i++)
                missing += seen[i] == 0;
        ok = !ferr && no_report == 0 && !failed && !report_dups && !missing && !duplicates && !reordered;
        printf("RESULT lib=%s faults=%s count=%d no_report=%d failed=%d report_dups=%d consumed=%d missing=%d "
               "duplicates=%d reordered=%d faults_injected=%d cpu_s=%.1f%s%s\n",
               rd_kafka_version_str(), fault_list, count, no_report, failed, report_dups, consumed, missing, duplicates,
               reordered, faults_injected, cpu_s, failed ? " first_error=" : "", failed ? rd_kafka_err2name(first_err) : "");
        return ok ? 0 : 1;
}
