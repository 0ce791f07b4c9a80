/*
 * latency_bench: end-to-end latency at a fixed produce rate, in one process.
 *
 *   latency_bench -b BROKERS -t TOPIC [--rate 10000] [--duration 10] [--warmup 1]
 *                 [-s 100] [--linger 5] [--mode subscribe|assign] [-p PARTITIONS]
 *                 [--timeout S] [-X name=value]... [-P name=value]... [-C name=value]...
 *                 [--version]
 *
 * A consumer (its own thread, rd_kafka_consumer_poll) reads the topic while
 * the main thread produces at RATE messages/s, paced against
 * CLOCK_MONOTONIC. Each message starts with its sequence number and its
 * CLOCK_MONOTONIC send time (taken just before the produce call); the
 * consumer's latency sample is its CLOCK_MONOTONIC time when
 * rd_kafka_consumer_poll returns the message, minus that send time.
 * The first WARMUP seconds of messages (sent while the consumer's fetchers
 * start) are consumed but not counted. -X applies to both clients, -P to
 * the producer only, -C to the consumer only.
 *
 * Reports p50/p90/p99/p99.9/max/mean latency in microseconds, the rate
 * achieved, process CPU (user+sys, both clients) per measured message and
 * peak RSS. Valid only when every measured message was delivered and
 * consumed exactly once and the achieved rate is at least 90% of RATE.
 */
#include "common.h"

#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>

static const char *B = "latency";

#define MAGIC 0x62656e63686c6174ull /* "benchlat" */

typedef struct {
        uint64_t magic, seq, send_ns;
} stamp_t;

static rd_kafka_t *g_rkc;
static const char *g_mode;
static atomic_int g_ready, g_all_sent;
static atomic_llong g_recv_measured;
static long long g_warm_n, g_total_n, g_recv_warm, g_dups, g_foreign, g_cons_errors;
static uint64_t *g_lat;
/* --dump: per measured message, its sequence number, send time and partition. */
static uint64_t *g_dump_seq, *g_dump_sent;
static int32_t *g_dump_part;
static unsigned char *g_seen;
static uint64_t g_drain_deadline_ns;
static char g_cons_first_err[256];
static long long g_dr_ok, g_dr_failed;
static char g_dr_first_err[256];

static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk;
        (void)opaque;
        if (m->err) {
                if (!g_dr_failed)
                        snprintf(g_dr_first_err, sizeof(g_dr_first_err), "%s",
                                 rd_kafka_err2str(m->err));
                g_dr_failed++;
        } else
                g_dr_ok++;
}

static void *consumer_main(void *arg) {
        long long measured_n = g_total_n - g_warm_n;
        (void)arg;
        if (!strcmp(g_mode, "assign"))
                atomic_store(&g_ready, 1);
        for (;;) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(g_rkc, 100);
                uint64_t now = now_ns();
                stamp_t st;
                if (!atomic_load(&g_ready)) {
                        rd_kafka_topic_partition_list_t *a = NULL;
                        if (!rd_kafka_assignment(g_rkc, &a) && a) {
                                if (a->cnt > 0)
                                        atomic_store(&g_ready, 1);
                                rd_kafka_topic_partition_list_destroy(a);
                        }
                }
                if (m && m->err) {
                        if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF && !g_cons_errors++)
                                snprintf(g_cons_first_err, sizeof(g_cons_first_err), "%s",
                                         rd_kafka_message_errstr(m));
                } else if (m) {
                        if (m->len < sizeof(st)) {
                                g_foreign++;
                        } else {
                                memcpy(&st, m->payload, sizeof(st));
                                if (st.magic != MAGIC || st.seq >= (uint64_t)g_total_n)
                                        g_foreign++;
                                else if (g_seen[st.seq])
                                        g_dups++;
                                else {
                                        g_seen[st.seq] = 1;
                                        if ((long long)st.seq < g_warm_n)
                                                g_recv_warm++;
                                        else {
                                                long long k = atomic_load(&g_recv_measured);
                                                g_lat[k] = now - st.send_ns;
                                                if (g_dump_seq) {
                                                        g_dump_seq[k] = st.seq;
                                                        g_dump_sent[k] = st.send_ns;
                                                        g_dump_part[k] = m->partition;
                                                }
                                                atomic_store(&g_recv_measured, k + 1);
                                        }
                                }
                        }
                }
                if (m)
                        rd_kafka_message_destroy(m);
                if (atomic_load(&g_recv_measured) >= measured_n)
                        break;
                if (atomic_load(&g_all_sent) && now > g_drain_deadline_ns)
                        break;
        }
        return NULL;
}

static int cmp_u64(const void *a, const void *b) {
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
        return x < y ? -1 : x > y;
}

static double pct_us(const uint64_t *v, long long n, double q) {
        long long k;
        if (n <= 0)
                return NAN;
        k = (long long)ceil(q * (double)n) - 1;
        if (k < 0)
                k = 0;
        if (k >= n)
                k = n - 1;
        return (double)v[k] / 1e3;
}

static void usage(void) {
        fprintf(stderr,
                "usage: latency_bench -b BROKERS -t TOPIC [--rate MSGS_PER_S] [--duration S]\n"
                "       [--warmup S] [-s SIZE] [--linger MS] [--mode subscribe|assign]\n"
                "       [-p PARTITIONS] [--timeout S] [-X|-P|-C name=value]... [--version]\n");
        exit(2);
}

static rd_kafka_conf_t *make_conf(const props_t *a, const props_t *b) {
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        if (!conf)
                bench_fail(B, "rd_kafka_conf_new returned NULL");
        props_apply(a, conf, B);
        props_apply(b, conf, B);
        return conf;
}

int main(int argc, char **argv) {
        const char *brokers = NULL, *topic = NULL, *linger = "5", *group = NULL, *dump = NULL;
        double rate = 10000, duration = 10, warmup = 1;
        size_t size = 100, pool_len = 0;
        int partitions = 0, timeout_s = 30, opt, p;
        props_t common = {0}, pprops = {0}, cprops = {0}, pall = {0}, call = {0};
        char errstr[512], groupbuf[128];
        rd_kafka_t *rkp;
        rd_kafka_resp_err_t err;
        pthread_t thr;
        char *pool, *buf;
        long long i, measured_n, queue_full = 0, recv_n;
        uint64_t t0, t_meas = 0, t_sent, period_ns, ready_deadline;
        usage_t u_meas = {0}, u_end;
        json_t j;
        int valid, k;
        static const struct option longopts[] = {
                {"brokers", required_argument, 0, 'b'},  {"topic", required_argument, 0, 't'},
                {"rate", required_argument, 0, 'r'},     {"duration", required_argument, 0, 'd'},
                {"warmup", required_argument, 0, 'w'},   {"size", required_argument, 0, 's'},
                {"linger", required_argument, 0, 'l'},   {"mode", required_argument, 0, 'm'},
                {"partitions", required_argument, 0, 'p'}, {"group", required_argument, 0, 'g'},
                {"timeout", required_argument, 0, 'T'},  {"version", no_argument, 0, 'V'},
                {"dump", required_argument, 0, 'D'},
                {0, 0, 0, 0}};

        g_mode = "subscribe";
        while ((opt = getopt_long(argc, argv, "b:t:s:p:g:X:P:C:", longopts, NULL)) != -1) {
                switch (opt) {
                case 'b': brokers = optarg; break;
                case 't': topic = optarg; break;
                case 'r': rate = atof(optarg); break;
                case 'd': duration = atof(optarg); break;
                case 'w': warmup = atof(optarg); break;
                case 's': size = (size_t)atoll(optarg); break;
                case 'l': linger = optarg; break;
                case 'm': g_mode = optarg; break;
                case 'p': partitions = atoi(optarg); break;
                case 'g': group = optarg; break;
                case 'T': timeout_s = atoi(optarg); break;
                case 'D': dump = optarg; break;
                case 'X': props_add_arg(&common, B, optarg); break;
                case 'P': props_add_arg(&pprops, B, optarg); break;
                case 'C': props_add_arg(&cprops, B, optarg); break;
                case 'V': print_version_and_exit(B); break;
                default: usage();
                }
        }
        if (!brokers || !topic || rate <= 0 || duration <= 0 || warmup < 0)
                usage();
        if (strcmp(g_mode, "subscribe") && strcmp(g_mode, "assign"))
                usage();
        if (size < sizeof(stamp_t))
                size = sizeof(stamp_t);
        if (!group) {
                snprintf(groupbuf, sizeof(groupbuf), "bench-lat-%d-%llu", (int)getpid(),
                         (unsigned long long)now_ns());
                group = groupbuf;
        }
        g_warm_n = (long long)(rate * warmup);
        g_total_n = g_warm_n + (long long)(rate * duration);
        measured_n = g_total_n - g_warm_n;
        g_lat = calloc((size_t)measured_n + 1, sizeof(*g_lat));
        g_seen = calloc((size_t)g_total_n + 1, 1);
        if (dump) {
                g_dump_seq = calloc((size_t)measured_n + 1, sizeof(*g_dump_seq));
                g_dump_sent = calloc((size_t)measured_n + 1, sizeof(*g_dump_sent));
                g_dump_part = calloc((size_t)measured_n + 1, sizeof(*g_dump_part));
                if (!g_dump_seq || !g_dump_sent || !g_dump_part)
                        bench_fail(B, "out of memory");
        }
        pool = payload_pool(size, &pool_len);
        buf = malloc(size);
        if (!g_lat || !g_seen || !pool || !buf)
                bench_fail(B, "out of memory");

        props_set(&pall, "bootstrap.servers", brokers);
        props_set(&pall, "linger.ms", linger);
        props_set(&call, "bootstrap.servers", brokers);
        props_set(&call, "group.id", group);
        props_set(&call, "auto.offset.reset", "earliest");
        props_set(&call, "enable.partition.eof", "false");
        for (k = 0; k < common.cnt; k++) {
                props_set(&pall, common.name[k], common.value[k]);
                props_set(&call, common.name[k], common.value[k]);
        }
        for (k = 0; k < pprops.cnt; k++)
                props_set(&pall, pprops.name[k], pprops.value[k]);
        for (k = 0; k < cprops.cnt; k++)
                props_set(&call, cprops.name[k], cprops.value[k]);

        {
                props_t none = {0};
                rd_kafka_conf_t *pc = make_conf(&pall, &none), *cc = make_conf(&call, &none);
                rd_kafka_conf_set_dr_msg_cb(pc, dr_msg_cb);
                if (!(rkp = rd_kafka_new(RD_KAFKA_PRODUCER, pc, errstr, sizeof(errstr))))
                        bench_fail(B, "rd_kafka_new(producer): %s", errstr);
                if (!(g_rkc = rd_kafka_new(RD_KAFKA_CONSUMER, cc, errstr, sizeof(errstr))))
                        bench_fail(B, "rd_kafka_new(consumer): %s", errstr);
        }

        if (!strcmp(g_mode, "subscribe")) {
                rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(l, topic, RD_KAFKA_PARTITION_UA);
                if ((err = rd_kafka_subscribe(g_rkc, l)))
                        bench_fail(B, "rd_kafka_subscribe: %s", rd_kafka_err2str(err));
                rd_kafka_topic_partition_list_destroy(l);
        } else {
                rd_kafka_topic_partition_list_t *l;
                if (partitions <= 0)
                        bench_fail(B, "--mode assign needs -p PARTITIONS");
                l = rd_kafka_topic_partition_list_new(partitions);
                for (p = 0; p < partitions; p++)
                        rd_kafka_topic_partition_list_add(l, topic, p)->offset =
                                RD_KAFKA_OFFSET_BEGINNING;
                if ((err = rd_kafka_assign(g_rkc, l)))
                        bench_fail(B, "rd_kafka_assign: %s", rd_kafka_err2str(err));
                rd_kafka_topic_partition_list_destroy(l);
        }
        if (pthread_create(&thr, NULL, consumer_main, NULL))
                bench_fail(B, "pthread_create failed");

        ready_deadline = now_ns() + (uint64_t)timeout_s * 1000000000ull;
        while (!atomic_load(&g_ready)) {
                rd_kafka_poll(rkp, 10);
                if (now_ns() > ready_deadline)
                        bench_fail(B, "the consumer got no partition assignment within %d s",
                                   timeout_s);
        }

        period_ns = (uint64_t)(1e9 / rate);
        t0 = now_ns();
        for (i = 0; i < g_total_n; i++) {
                uint64_t target = t0 + (uint64_t)i * period_ns;
                stamp_t st;
                if (i == g_warm_n) {
                        u_meas = usage_now();
                        t_meas = now_ns();
                }
                if (now_ns() < target) {
                        struct timespec ts = {(time_t)(target / 1000000000ull),
                                              (long)(target % 1000000000ull)};
                        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
                                ;
                }
                memcpy(buf, pool_slice(pool, pool_len, size, (uint64_t)i), size);
                st.magic = MAGIC;
                st.seq = (uint64_t)i;
                for (;;) {
                        st.send_ns = now_ns();
                        memcpy(buf, &st, sizeof(st));
                        err = rd_kafka_producev(rkp, RD_KAFKA_V_TOPIC(topic),
                                                RD_KAFKA_V_VALUE(buf, size),
                                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_END);
                        if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                break;
                        queue_full++;
                        rd_kafka_poll(rkp, 1);
                }
                if (err)
                        bench_fail(B, "rd_kafka_producev (message %lld of %lld): %s", i + 1,
                                   g_total_n, rd_kafka_err2str(err));
                if ((i & 63) == 0)
                        rd_kafka_poll(rkp, 0);
        }
        t_sent = now_ns();
        g_drain_deadline_ns = t_sent + (uint64_t)timeout_s * 1000000000ull;
        atomic_store(&g_all_sent, 1);
        while (g_dr_ok + g_dr_failed < g_total_n && now_ns() < g_drain_deadline_ns) {
                err = rd_kafka_flush(rkp, 1000);
                if (err && err != RD_KAFKA_RESP_ERR__TIMED_OUT)
                        bench_fail(B, "rd_kafka_flush: %s", rd_kafka_err2str(err));
                if (!err && g_dr_ok + g_dr_failed < g_total_n)
                        rd_kafka_poll(rkp, 100);
        }
        pthread_join(thr, NULL);
        u_end = usage_now();

        rd_kafka_consumer_close(g_rkc);
        rd_kafka_destroy(g_rkc);
        rd_kafka_destroy(rkp);

        recv_n = atomic_load(&g_recv_measured);
        if (dump) {
                /* Before sorting: one line per message in the order received. */
                FILE *f = fopen(dump, "w");
                if (!f)
                        bench_fail(B, "cannot write the --dump file");
                /* Times in ms of CLOCK_MONOTONIC, as in the log lines. */
                fprintf(f, "seq partition sent_ms latency_us\n");
                for (i = 0; i < recv_n; i++)
                        fprintf(f, "%llu %d %.3f %.1f\n", (unsigned long long)g_dump_seq[i], g_dump_part[i],
                                (double)g_dump_sent[i] / 1e6, (double)g_lat[i] / 1e3);
                fclose(f);
        }
        qsort(g_lat, (size_t)recv_n, sizeof(*g_lat), cmp_u64);
        {
                double send_s = secs(t_sent - t_meas);
                double achieved = send_s > 0 ? (double)measured_n / send_s : 0.0;
                double cpu = (u_end.user_us - u_meas.user_us) + (u_end.sys_us - u_meas.sys_us);
                double sum = 0;
                usage_t u_fin = usage_now();
                char reason[1400] = "";
                long long q;
                for (q = 0; q < recv_n; q++)
                        sum += (double)g_lat[q];
                valid = recv_n == measured_n && g_dups == 0 && g_dr_failed == 0 &&
                        g_dr_ok == g_total_n && achieved >= 0.9 * rate;
                if (!valid)
                        snprintf(reason, sizeof(reason),
                                 "%lld of %lld measured messages consumed, %lld duplicates, "
                                 "%lld of %lld delivered, %lld failed%s%s, rate %.0f of %.0f msg/s%s%s",
                                 recv_n, measured_n, g_dups, g_dr_ok, g_total_n, g_dr_failed,
                                 g_dr_failed ? ": " : "", g_dr_first_err, achieved, rate,
                                 g_cons_errors ? "; consumer error: " : "", g_cons_first_err);
                json_begin(&j, B);
                json_bool(&j, "ok", 1);
                json_bool(&j, "valid", valid);
                if (!valid)
                        json_str(&j, "invalid_reason", reason);
                json_str(&j, "topic", topic);
                json_str(&j, "mode", g_mode);
                json_num(&j, "rate", rate);
                json_num(&j, "duration_s", duration);
                json_num(&j, "warmup_s", warmup);
                json_int(&j, "size", (long long)size);
                props_json(&j, "producer_config", &pall);
                props_json(&j, "consumer_config", &call);
                json_int(&j, "messages", measured_n);
                json_int(&j, "warmup_messages", g_warm_n);
                json_int(&j, "delivered", g_dr_ok);
                json_int(&j, "failed", g_dr_failed);
                json_int(&j, "consumed", recv_n);
                json_int(&j, "consumed_warmup", g_recv_warm);
                json_int(&j, "duplicates", g_dups);
                json_int(&j, "foreign", g_foreign);
                json_int(&j, "consumer_errors", g_cons_errors);
                json_int(&j, "queue_full", queue_full);
                json_num(&j, "achieved_rate", achieved);
                json_num(&j, "p50_us", pct_us(g_lat, recv_n, 0.50));
                json_num(&j, "p90_us", pct_us(g_lat, recv_n, 0.90));
                json_num(&j, "p99_us", pct_us(g_lat, recv_n, 0.99));
                json_num(&j, "p999_us", pct_us(g_lat, recv_n, 0.999));
                json_num(&j, "max_us", recv_n ? (double)g_lat[recv_n - 1] / 1e3 : NAN);
                json_num(&j, "mean_us", recv_n ? sum / (double)recv_n / 1e3 : NAN);
                json_num(&j, "send_s", send_s);
                json_num(&j, "cpu_us_per_msg", cpu / (double)measured_n);
                json_num(&j, "cpu_user_s", (u_end.user_us - u_meas.user_us) / 1e6);
                json_num(&j, "cpu_sys_s", (u_end.sys_us - u_meas.sys_us) / 1e6);
                json_num(&j, "max_rss_kb", (double)u_fin.maxrss_kb);
                json_end(&j);
                fprintf(stderr,
                        "latency %s (%s, %s): %lld msgs at %.0f msg/s: p50 %.0f us, p99 %.0f us, "
                        "p99.9 %.0f us, max %.0f us, %.3f us CPU/msg, max RSS %.1f MB%s%s\n",
                        rd_kafka_version_str(), library_path(), g_mode, recv_n, achieved,
                        pct_us(g_lat, recv_n, 0.50), pct_us(g_lat, recv_n, 0.99),
                        pct_us(g_lat, recv_n, 0.999),
                        recv_n ? (double)g_lat[recv_n - 1] / 1e3 : NAN, cpu / (double)measured_n,
                        (double)u_fin.maxrss_kb / 1024.0, valid ? "" : ", INVALID: ", reason);
        }
        return valid ? 0 : 1;
}
