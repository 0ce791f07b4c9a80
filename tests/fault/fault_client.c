/* fault_client: one client scenario for the fault and fuzz tests, run the
 * same way on ferrokafka and on the reference librdkafka (the library is
 * chosen with LD_LIBRARY_PATH). It reports what the application saw on one
 * line of key=value pairs (stdout), for tests/fault/fault_suite.py:
 *
 *   fault_client SCENARIO BOOTSTRAP TOPIC SECONDS [prop=value...]
 *
 * Scenarios:
 *   fill N        produce N messages (one partition, 0) and wait for them;
 *                 exits 1 unless all were delivered (to prepare a topic)
 *   produce N     produce N messages spread over the first half of SECONDS,
 *                 then flush until SECONDS; every message must get exactly
 *                 one delivery report
 *   consume N     assign partition 0 from the beginning and read until N
 *                 messages arrived or SECONDS passed
 *   group N       subscribe (group.id unique to the run) and read until N
 *                 messages arrived or SECONDS passed, committing offsets
 *   end           assign partition 0 at END and wait for SECONDS (nothing
 *                 is produced): the start offset must be looked up
 *   metadata      ask for the cluster's metadata every 500 ms for SECONDS
 *
 * Output keys: msgs (consumed or produced), dr_ok, dr_err, dr_missing,
 * dr_dup, errors (error events/callbacks and consumer errors), the first
 * error's code and time (first_err, first_err_ms), the longest time the
 * application went without progress or an error while it still waited for
 * something (max_gap_ms), errcodes (code:count,...), elapsed_ms, and for
 * consume/end the consumer's position at the end (position, -1 if none;
 * -1001 is INVALID: nothing consumed yet), the cause of a fatal error
 * (fatal, "-" if none) and how many critical log lines were written
 * (crit_logs: ferrokafka logs an internal error, a panic, at LOG_CRIT).
 * Exit status: 0, or 1 when a message got no or several delivery reports. */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>

#define MAX_MSGS 100000
#define MAX_CODES 64

static long long t_start;
static long long last_event;
static long long max_gap;
static int errors, first_err, first_err_ms = -1;
static int codes[MAX_CODES], code_cnt[MAX_CODES], ncodes;
static unsigned char *reports;
static int nmsgs, dr_ok, dr_err, msgs, refused, late;
/* consume: the consumer's position at the end (-1: none). */
static long long position = -1;
static int verbose;

static long long now_ms(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Something the application can see happened. */
static void event_seen(void) {
        long long t = now_ms();
        if (t - last_event > max_gap)
                max_gap = t - last_event;
        last_event = t;
}

static void error_seen(int code, const char *what, const char *reason) {
        int i;
        errors++;
        if (first_err_ms < 0) {
                first_err_ms = (int)(now_ms() - t_start);
                first_err = code;
        }
        for (i = 0; i < ncodes && codes[i] != code; i++)
                ;
        if (i == ncodes && ncodes < MAX_CODES)
                codes[ncodes++] = code;
        if (i < MAX_CODES)
                code_cnt[i]++;
        if (verbose)
                fprintf(stderr, "%lld ms: %s %s: %s\n", now_ms() - t_start, what, rd_kafka_err2name(code), reason);
        event_seen();
}

/* A fatal error's underlying cause (rd_kafka_fatal_error), "-" if none:
 * _INCONSISTENT is ferrokafka's report of an internal error (a panic). */
static char fatal_cause[64] = "-";

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
        (void)opaque;
        if (err == RD_KAFKA_RESP_ERR__FATAL && !strcmp(fatal_cause, "-")) {
                char buf[256];
                snprintf(fatal_cause, sizeof(fatal_cause), "%s", rd_kafka_err2name(rd_kafka_fatal_error(rk, buf, sizeof(buf))));
        }
        error_seen(err, "error_cb", reason);
}

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        int i = (int)(intptr_t)m->_private;
        (void)rk;
        (void)opaque;
        if (i >= 0 && i < nmsgs && reports[i] < 255)
                reports[i]++;
        if (m->err) {
                dr_err++;
                error_seen(m->err, "delivery", rd_kafka_err2str(m->err));
        } else {
                dr_ok++;
                event_seen();
        }
}

static int crit_logs;

static void quiet_log(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
        (void)rk;
        if (level <= 2)
                crit_logs++;
        if (verbose)
                fprintf(stderr, "%lld ms: LOG-%d %s: %s\n", now_ms() - t_start, level, fac, buf);
}

static void set(rd_kafka_conf_t *conf, const char *k, const char *v) {
        char errstr[512];
        if (rd_kafka_conf_set(conf, k, v, errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "%s=%s: %s\n", k, v, errstr);
                exit(2);
        }
}

static void report(const char *scenario) {
        int i, missing = 0, dup = 0;
        for (i = 0; i < nmsgs && reports; i++) {
                if (reports[i] == 0)
                        missing++;
                else if (reports[i] > 1)
                        dup++;
        }
        printf("scenario=%s version=%s msgs=%d dr_ok=%d dr_err=%d dr_late=%d dr_missing=%d dr_dup=%d errors=%d "
               "first_err=%s first_err_ms=%d max_gap_ms=%lld elapsed_ms=%lld position=%lld fatal=%s crit_logs=%d "
               "errcodes=",
               scenario, rd_kafka_version_str(), msgs, dr_ok, dr_err, late, reports ? missing : 0, dup, errors,
               first_err_ms >= 0 ? rd_kafka_err2name(first_err) : "-", first_err_ms, max_gap,
               now_ms() - t_start, position, fatal_cause, crit_logs);
        for (i = 0; i < ncodes; i++)
                printf("%s%s:%d", i ? "," : "", rd_kafka_err2name(codes[i]), code_cnt[i]);
        printf("%s\n", ncodes ? "" : "-");
        fflush(stdout);
}

static void consumer_msg(rd_kafka_message_t *m) {
        if (m->err) {
                if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                        error_seen(m->err, "consumer", rd_kafka_message_errstr(m));
        } else {
                msgs++;
                event_seen();
        }
        rd_kafka_message_destroy(m);
}

int main(int argc, char **argv) {
        const char *scenario, *bootstrap, *topic;
        int seconds, n = 0, i, rc = 0;
        char errstr[512], gid[128];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        long long deadline;

        if (argc < 5) {
                fprintf(stderr, "usage: fault_client SCENARIO BOOTSTRAP TOPIC SECONDS [N] [prop=value...]\n");
                return 2;
        }
        scenario = argv[1];
        bootstrap = argv[2];
        topic = argv[3];
        seconds = atoi(argv[4]);
        i = 5;
        if (argc > 5 && strchr(argv[5], '=') == NULL)
                n = atoi(argv[i++]);
        verbose = getenv("FAULT_VERBOSE") != NULL;
        signal(SIGPIPE, SIG_IGN);

        conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", bootstrap);
        rd_kafka_conf_set_error_cb(conf, error_cb);
        rd_kafka_conf_set_log_cb(conf, quiet_log);
        if (!strcmp(scenario, "group") || !strcmp(scenario, "consume") || !strcmp(scenario, "end")) {
                /* librdkafka's consumer_poll() needs a group.id even for
                 * assign(); only "group" joins the group (subscribe). */
                snprintf(gid, sizeof(gid), "fault-%d-%lld", (int)getpid(), now_ms());
                set(conf, "group.id", gid);
                set(conf, "auto.offset.reset", "earliest");
                if (!strcmp(scenario, "group"))
                        set(conf, "auto.commit.interval.ms", "500");
                else
                        set(conf, "enable.auto.commit", "false");
        }
        for (; i < argc; i++) {
                char *eq = strchr(argv[i], '=');
                if (!eq) {
                        fprintf(stderr, "bad property %s\n", argv[i]);
                        return 2;
                }
                *eq = 0;
                set(conf, argv[i], eq + 1);
        }
        if (!strcmp(scenario, "produce") || !strcmp(scenario, "fill")) {
                nmsgs = n;
                reports = calloc(n > 0 ? n : 1, 1);
                rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
                rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        } else {
                rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        }
        if (!rk) {
                fprintf(stderr, "rd_kafka_new: %s\n", errstr);
                return 2;
        }
        t_start = last_event = now_ms();
        deadline = t_start + (long long)seconds * 1000;

        if (!strcmp(scenario, "produce") || !strcmp(scenario, "fill")) {
                long long spread = !strcmp(scenario, "fill") ? 0 : (long long)seconds * 250;
                for (i = 0; i < n; i++) {
                        char val[64];
                        rd_kafka_resp_err_t err;
                        long long due = t_start + (n > 1 ? spread * i / (n - 1) : 0);
                        while (now_ms() < due)
                                rd_kafka_poll(rk, (int)(due - now_ms()));
                        snprintf(val, sizeof(val), "message-%d", i);
                        do {
                                err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(0),
                                                        RD_KAFKA_V_VALUE(val, strlen(val)),
                                                        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                        RD_KAFKA_V_OPAQUE((void *)(intptr_t)i), RD_KAFKA_V_END);
                                if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                        rd_kafka_poll(rk, 10);
                        } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
                        if (err) {
                                /* Refused at once (a topic known to be in
                                 * error): the application has its error, no
                                 * delivery report will come. */
                                error_seen(err, "produce", rd_kafka_err2str(err));
                                reports[i] = 1;
                                refused++;
                                continue;
                        }
                        msgs++;
                }
                while (dr_ok + dr_err + refused < n && now_ms() < deadline)
                        rd_kafka_poll(rk, 50);
                late = n - (dr_ok + dr_err + refused);
                if (late)
                        event_seen(); /* the wait up to the deadline */
                /* Whatever is left must still get its report, once: purged
                 * and served before the client is destroyed. */
                rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
                rd_kafka_flush(rk, 5000);
                report(scenario);
                for (i = 0; i < n; i++)
                        if (reports[i] != 1)
                                rc = 1;
                if (!strcmp(scenario, "fill") && dr_ok != n)
                        rc = 1;
        } else if (!strcmp(scenario, "consume") || !strcmp(scenario, "end")) {
                rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(l, topic, 0)->offset =
                    !strcmp(scenario, "end") ? RD_KAFKA_OFFSET_END : RD_KAFKA_OFFSET_BEGINNING;
                rd_kafka_poll_set_consumer(rk);
                rd_kafka_assign(rk, l);
                rd_kafka_topic_partition_list_destroy(l);
                while (now_ms() < deadline && (n == 0 || msgs < n)) {
                        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
                        if (m)
                                consumer_msg(m);
                }
                if (n == 0 || msgs < n)
                        event_seen();
                {
                        rd_kafka_topic_partition_list_t *pos = rd_kafka_topic_partition_list_new(1);
                        rd_kafka_topic_partition_list_add(pos, topic, 0);
                        if (!rd_kafka_position(rk, pos))
                                position = pos->elems[0].offset;
                        rd_kafka_topic_partition_list_destroy(pos);
                }
                report(scenario);
                rd_kafka_consumer_close(rk);
        } else if (!strcmp(scenario, "group")) {
                rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(l, topic, RD_KAFKA_PARTITION_UA);
                rd_kafka_poll_set_consumer(rk);
                rd_kafka_subscribe(rk, l);
                rd_kafka_topic_partition_list_destroy(l);
                while (now_ms() < deadline && msgs < n) {
                        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
                        if (m)
                                consumer_msg(m);
                }
                if (msgs < n)
                        event_seen();
                report(scenario);
                rd_kafka_consumer_close(rk);
        } else if (!strcmp(scenario, "metadata")) {
                /* Short metadata calls, so that error callbacks are
                 * served (rd_kafka_poll) within a few hundred ms. */
                while (now_ms() < deadline) {
                        const struct rd_kafka_metadata *md;
                        rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, NULL, &md, 300);
                        if (err) {
                                if (err != RD_KAFKA_RESP_ERR__TIMED_OUT && err != RD_KAFKA_RESP_ERR__TRANSPORT)
                                        error_seen(err, "metadata", rd_kafka_err2str(err));
                        } else {
                                msgs++;
                                event_seen();
                                rd_kafka_metadata_destroy(md);
                        }
                        rd_kafka_poll(rk, 200);
                }
                event_seen();
                report(scenario);
        } else {
                fprintf(stderr, "unknown scenario %s\n", scenario);
                return 2;
        }
        rd_kafka_destroy(rk);
        free(reports);
        return rc;
}
