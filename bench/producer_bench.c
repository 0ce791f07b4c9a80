/*
 * producer_bench: produces N messages of S bytes to a topic and waits for
 * every delivery report.
 *
 *   producer_bench -b BROKERS -t TOPIC [-n 1000000] [-s 100] [-z none|gzip|snappy|lz4|zstd]
 *                  [-a acks] [--linger MS] [--batch-size BYTES] [--idempotence]
 *                  [--key-size BYTES] [--api producev|produce] [--timeout S] [--first-timeout S]
 *                  [-X name=value]... [--version]
 *
 * Prints one JSON line on stdout and one human line on stderr. The run is
 * valid only when every message got a successful delivery report; a run
 * with failed or missing reports says so ("valid": false) and exits 1; one
 * without a single report within --first-timeout (30 s) is a failure to
 * run (exit 2, "ok": false).
 *
 * Measured window: from the first produce call to the last delivery report
 * (wall time, process CPU user+sys of all threads from getrusage). Peak RSS
 * is ru_maxrss of the whole process.
 */
#include "common.h"

#include <getopt.h>

static const char *B = "producer";
static long long g_ok, g_failed;
static uint64_t g_last_dr_ns;
static char g_first_err[256];

static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk;
        (void)opaque;
        if (m->err) {
                if (!g_failed)
                        snprintf(g_first_err, sizeof(g_first_err), "%s", rd_kafka_err2str(m->err));
                g_failed++;
        } else
                g_ok++;
        g_last_dr_ns = now_ns();
}

static void usage(void) {
        fprintf(stderr,
                "usage: producer_bench -b BROKERS -t TOPIC [-n COUNT] [-s SIZE] [-z CODEC] [-a ACKS]\n"
                "       [--linger MS] [--batch-size BYTES] [--idempotence] [--key-size BYTES]\n"
                "       [--api producev|produce] [--timeout S] [--first-timeout S] [-X name=value]...\n"
                "       [--version]\n");
        exit(2);
}

int main(int argc, char **argv) {
        const char *brokers = NULL, *topic = NULL, *codec = "none", *acks = "all",
                   *api = "producev", *linger = "5", *batch_size = NULL;
        long long n = 1000000, i, queue_full = 0;
        size_t size = 100, key_size = 0, pool_len;
        int idempotence = 0, timeout_s = 300, first_timeout_s = 30, opt;
        props_t props = {0};
        char errstr[512], keybuf[72];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        rd_kafka_topic_t *rkt = NULL;
        char *pool;
        uint64_t t_new, t_start, t_end, t_destroyed, deadline;
        usage_t u_start, u_end, u_begin;
        json_t j;
        int valid;
        static const struct option longopts[] = {
                {"brokers", required_argument, 0, 'b'},  {"topic", required_argument, 0, 't'},
                {"messages", required_argument, 0, 'n'}, {"size", required_argument, 0, 's'},
                {"compression", required_argument, 0, 'z'}, {"acks", required_argument, 0, 'a'},
                {"linger", required_argument, 0, 'l'},   {"batch-size", required_argument, 0, 'B'},
                {"idempotence", no_argument, 0, 'I'},    {"key-size", required_argument, 0, 'k'},
                {"api", required_argument, 0, 'A'},      {"timeout", required_argument, 0, 'T'},
                {"first-timeout", required_argument, 0, 'F'},
                {"version", no_argument, 0, 'V'},        {0, 0, 0, 0}};

        u_begin = usage_now();
        while ((opt = getopt_long(argc, argv, "b:t:n:s:z:a:X:", longopts, NULL)) != -1) {
                switch (opt) {
                case 'b': brokers = optarg; break;
                case 't': topic = optarg; break;
                case 'n': n = atoll(optarg); break;
                case 's': size = (size_t)atoll(optarg); break;
                case 'z': codec = optarg; break;
                case 'a': acks = optarg; break;
                case 'l': linger = optarg; break;
                case 'B': batch_size = optarg; break;
                case 'I': idempotence = 1; break;
                case 'k': key_size = (size_t)atoll(optarg); break;
                case 'A': api = optarg; break;
                case 'T': timeout_s = atoi(optarg); break;
                case 'F': first_timeout_s = atoi(optarg); break;
                case 'X': props_add_arg(&props, B, optarg); break;
                case 'V': print_version_and_exit(B); break;
                default: usage();
                }
        }
        if (!brokers || !topic || n <= 0 || key_size > 64)
                usage();
        if (strcmp(api, "producev") && strcmp(api, "produce"))
                usage();

        /* Benchmark settings first, then -X overrides. */
        {
                props_t all = {0};
                int k;
                props_set(&all, "bootstrap.servers", brokers);
                props_set(&all, "linger.ms", linger);
                props_set(&all, "compression.codec", codec);
                props_set(&all, "acks", acks);
                if (batch_size)
                        props_set(&all, "batch.size", batch_size);
                if (idempotence)
                        props_set(&all, "enable.idempotence", "true");
                for (k = 0; k < props.cnt; k++)
                        props_set(&all, props.name[k], props.value[k]);
                props = all;
        }

        if (!(pool = payload_pool(size, &pool_len)))
                bench_fail(B, "out of memory");

        conf = rd_kafka_conf_new();
        if (!conf)
                bench_fail(B, "rd_kafka_conf_new returned NULL");
        props_apply(&props, conf, B);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_msg_cb);

        t_new = now_ns();
        if (!(rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr))))
                bench_fail(B, "rd_kafka_new: %s", errstr);
        if (!strcmp(api, "produce") && !(rkt = rd_kafka_topic_new(rk, topic, NULL)))
                bench_fail(B, "rd_kafka_topic_new: %s", rd_kafka_err2str(rd_kafka_last_error()));

        u_start = usage_now();
        t_start = now_ns();
        deadline = t_start + (uint64_t)timeout_s * 1000000000ull;
        for (i = 0; i < n; i++) {
                const char *val = pool_slice(pool, pool_len, size, (uint64_t)i);
                const void *key = NULL;
                rd_kafka_resp_err_t err;
                if (key_size) {
                        snprintf(keybuf, sizeof(keybuf), "%0*lld", (int)key_size, i);
                        key = keybuf;
                }
                for (;;) {
                        if (rkt)
                                err = rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY,
                                                       (void *)val, size, key, key_size, NULL) == -1
                                              ? rd_kafka_last_error()
                                              : RD_KAFKA_RESP_ERR_NO_ERROR;
                        else
                                err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic),
                                                        RD_KAFKA_V_VALUE((void *)val, size),
                                                        RD_KAFKA_V_KEY(key, key_size),
                                                        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                        RD_KAFKA_V_END);
                        if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                break;
                        queue_full++;
                        rd_kafka_poll(rk, 1);
                        if (g_ok + g_failed == 0 &&
                            now_ns() > t_start + (uint64_t)first_timeout_s * 1000000000ull)
                                bench_fail(B, "no delivery report within %d s (queue full at message %lld)",
                                           first_timeout_s, i + 1);
                        if (now_ns() > deadline)
                                break;
                }
                if (err)
                        bench_fail(B, "%s (message %lld of %lld): %s",
                                   rkt ? "rd_kafka_produce" : "rd_kafka_producev", i + 1, n,
                                   rd_kafka_err2str(err));
                if ((i & 1023) == 0)
                        rd_kafka_poll(rk, 0);
        }
        while (g_ok + g_failed < n && now_ns() < deadline) {
                rd_kafka_resp_err_t err;
                /* Not a single report: the client cannot talk to the broker. */
                if (g_ok + g_failed == 0 &&
                    now_ns() > t_start + (uint64_t)first_timeout_s * 1000000000ull)
                        bench_fail(B, "no delivery report within %d s", first_timeout_s);
                err = rd_kafka_flush(rk, 1000);
                if (err && err != RD_KAFKA_RESP_ERR__TIMED_OUT)
                        bench_fail(B, "rd_kafka_flush: %s (%lld of %lld delivery reports)",
                                   rd_kafka_err2str(err), g_ok + g_failed, n);
                if (!err && g_ok + g_failed < n)
                        rd_kafka_poll(rk, 100); /* flushed, reports not served yet */
        }
        t_end = g_ok + g_failed == n ? g_last_dr_ns : now_ns();
        u_end = usage_now();

        if (rkt)
                rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(rk);
        t_destroyed = now_ns();

        valid = g_ok == n && g_failed == 0;
        {
                double wall = secs(t_end - t_start);
                double cpu = (u_end.user_us - u_start.user_us) + (u_end.sys_us - u_start.sys_us);
                usage_t u_fin = usage_now();
                double cpu_all = (u_fin.user_us - u_begin.user_us) + (u_fin.sys_us - u_begin.sys_us);
                char reason[512] = "";
                if (!valid)
                        snprintf(reason, sizeof(reason),
                                 "%lld of %lld messages delivered, %lld failed%s%s, %lld without report",
                                 g_ok, n, g_failed, g_failed ? ": " : "", g_first_err,
                                 n - g_ok - g_failed);
                json_begin(&j, B);
                json_bool(&j, "ok", 1);
                json_bool(&j, "valid", valid);
                if (!valid)
                        json_str(&j, "invalid_reason", reason);
                json_str(&j, "topic", topic);
                json_int(&j, "messages", n);
                json_int(&j, "size", (long long)size);
                json_int(&j, "key_size", (long long)key_size);
                json_str(&j, "api", api);
                props_json(&j, "config", &props);
                json_int(&j, "delivered", g_ok);
                json_int(&j, "failed", g_failed);
                json_int(&j, "queue_full", queue_full);
                json_num(&j, "wall_s", wall);
                json_num(&j, "msgs_per_s", (double)n / wall);
                json_num(&j, "mb_per_s", (double)n * (double)size / 1e6 / wall);
                json_num(&j, "cpu_us_per_msg", cpu / (double)n);
                json_num(&j, "cpu_user_s", (u_end.user_us - u_start.user_us) / 1e6);
                json_num(&j, "cpu_sys_s", (u_end.sys_us - u_start.sys_us) / 1e6);
                json_num(&j, "process_cpu_us_per_msg", cpu_all / (double)n);
                json_num(&j, "max_rss_kb", (double)u_fin.maxrss_kb);
                json_num(&j, "setup_s", secs(t_start - t_new));
                json_num(&j, "destroy_s", secs(t_destroyed - t_end));
                json_end(&j);
                fprintf(stderr,
                        "producer %s (%s): %lld x %zu B in %.3f s: %.0f msg/s, %.2f MB/s, "
                        "%.3f us CPU/msg, max RSS %.1f MB%s%s\n",
                        rd_kafka_version_str(), library_path(), n, size, wall, (double)n / wall,
                        (double)n * (double)size / 1e6 / wall, cpu / (double)n,
                        (double)u_fin.maxrss_kb / 1024.0, valid ? "" : ", INVALID: ", reason);
        }
        free(pool);
        return valid ? 0 : 1;
}
