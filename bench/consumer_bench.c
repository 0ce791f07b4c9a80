/*
 * consumer_bench: consumes N pre-produced messages from a topic.
 *
 *   consumer_bench -b BROKERS -t TOPIC [-n 1000000] [-s SIZE] [--mode subscribe|assign]
 *                  [-p PARTITIONS] [-g GROUP] [--timeout S] [--first-timeout S]
 *                  [-X name=value]... [--version]
 *
 * subscribe (default): high-level consumer, rd_kafka_subscribe() with a fresh
 *   group id and auto.offset.reset=earliest.
 * assign: rd_kafka_assign() of every partition (count from -p or from the
 *   topic's metadata) at RD_KAFKA_OFFSET_BEGINNING, no group membership.
 * Both read with rd_kafka_consumer_poll().
 *
 * Prints one JSON line on stdout and one human line on stderr. The run is
 * valid only when exactly N messages were read with no duplicate offsets
 * (and, with -s, every payload has SIZE bytes).
 *
 * Measured: throughput over the window from the first to the N-th message;
 * CPU (getrusage user+sys, all threads) and wall time from the subscribe or
 * assign call to the N-th message, so the fetches that run before the first
 * message reaches the application are counted; time to first message; peak
 * RSS (ru_maxrss).
 */
#include "common.h"

#include <getopt.h>

static const char *B = "consumer";

#define MAX_PARTS 1024

static void usage(void) {
        fprintf(stderr,
                "usage: consumer_bench -b BROKERS -t TOPIC [-n COUNT] [-s SIZE]\n"
                "       [--mode subscribe|assign] [-p PARTITIONS] [-g GROUP] [--timeout S]\n"
                "       [--first-timeout S] [-X name=value]... [--version]\n");
        exit(2);
}

static int topic_partitions(rd_kafka_t *rk, const char *topic) {
        const struct rd_kafka_metadata *md = NULL;
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
        rd_kafka_resp_err_t err;
        int cnt = -1;
        if (!rkt)
                bench_fail(B, "rd_kafka_topic_new: %s", rd_kafka_err2str(rd_kafka_last_error()));
        err = rd_kafka_metadata(rk, 0, rkt, &md, 10000);
        if (err)
                bench_fail(B, "rd_kafka_metadata: %s", rd_kafka_err2str(err));
        if (md->topic_cnt == 1 && !md->topics[0].err)
                cnt = md->topics[0].partition_cnt;
        else if (md->topic_cnt == 1)
                bench_fail(B, "metadata for %s: %s", topic, rd_kafka_err2str(md->topics[0].err));
        rd_kafka_metadata_destroy(md);
        rd_kafka_topic_destroy(rkt);
        if (cnt <= 0)
                bench_fail(B, "topic %s has no partitions in metadata", topic);
        return cnt;
}

int main(int argc, char **argv) {
        const char *brokers = NULL, *topic = NULL, *mode = "subscribe", *group = NULL;
        long long n = 1000000, got = 0, dups = 0, bad_size = 0, errors = 0, bytes = 0;
        long long size = -1;
        int partitions = 0, timeout_s = 300, first_timeout_s = 30, opt, p;
        int64_t next_offset[MAX_PARTS];
        props_t props = {0};
        char errstr[512], groupbuf[128], first_err[256] = "";
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        rd_kafka_resp_err_t err;
        uint64_t t_new, t_start, t_first = 0, t_last = 0, t_closed, deadline, first_deadline;
        usage_t u_start, u_end, u_begin;
        json_t j;
        int valid;
        static const struct option longopts[] = {
                {"brokers", required_argument, 0, 'b'},  {"topic", required_argument, 0, 't'},
                {"messages", required_argument, 0, 'n'}, {"size", required_argument, 0, 's'},
                {"mode", required_argument, 0, 'm'},     {"partitions", required_argument, 0, 'p'},
                {"group", required_argument, 0, 'g'},    {"timeout", required_argument, 0, 'T'},
                {"first-timeout", required_argument, 0, 'F'},
                {"version", no_argument, 0, 'V'},        {0, 0, 0, 0}};

        u_begin = usage_now();
        while ((opt = getopt_long(argc, argv, "b:t:n:s:p:g:X:", longopts, NULL)) != -1) {
                switch (opt) {
                case 'b': brokers = optarg; break;
                case 't': topic = optarg; break;
                case 'n': n = atoll(optarg); break;
                case 's': size = atoll(optarg); break;
                case 'm': mode = optarg; break;
                case 'p': partitions = atoi(optarg); break;
                case 'g': group = optarg; break;
                case 'T': timeout_s = atoi(optarg); break;
                case 'F': first_timeout_s = atoi(optarg); break;
                case 'X': props_add_arg(&props, B, optarg); break;
                case 'V': print_version_and_exit(B); break;
                default: usage();
                }
        }
        if (!brokers || !topic || n <= 0 || partitions < 0 || partitions > MAX_PARTS)
                usage();
        if (strcmp(mode, "subscribe") && strcmp(mode, "assign"))
                usage();
        if (!group) {
                snprintf(groupbuf, sizeof(groupbuf), "bench-%d-%llu", (int)getpid(),
                         (unsigned long long)now_ns());
                group = groupbuf;
        }
        for (p = 0; p < MAX_PARTS; p++)
                next_offset[p] = -1;

        {
                props_t all = {0};
                int k;
                props_set(&all, "bootstrap.servers", brokers);
                props_set(&all, "group.id", group);
                props_set(&all, "auto.offset.reset", "earliest");
                props_set(&all, "enable.partition.eof", "false");
                if (!strcmp(mode, "assign"))
                        props_set(&all, "enable.auto.commit", "false");
                for (k = 0; k < props.cnt; k++)
                        props_set(&all, props.name[k], props.value[k]);
                props = all;
        }

        conf = rd_kafka_conf_new();
        if (!conf)
                bench_fail(B, "rd_kafka_conf_new returned NULL");
        props_apply(&props, conf, B);

        t_new = now_ns();
        if (!(rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr))))
                bench_fail(B, "rd_kafka_new: %s", errstr);

        if (!strcmp(mode, "assign") && !partitions)
                partitions = topic_partitions(rk, topic);

        u_start = usage_now();
        t_start = now_ns();
        if (!strcmp(mode, "subscribe")) {
                rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(l, topic, RD_KAFKA_PARTITION_UA);
                if ((err = rd_kafka_subscribe(rk, l)))
                        bench_fail(B, "rd_kafka_subscribe: %s", rd_kafka_err2str(err));
                rd_kafka_topic_partition_list_destroy(l);
        } else {
                rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(partitions);
                for (p = 0; p < partitions; p++)
                        rd_kafka_topic_partition_list_add(l, topic, p)->offset =
                                RD_KAFKA_OFFSET_BEGINNING;
                if ((err = rd_kafka_assign(rk, l)))
                        bench_fail(B, "rd_kafka_assign: %s", rd_kafka_err2str(err));
                rd_kafka_topic_partition_list_destroy(l);
        }
        deadline = t_start + (uint64_t)timeout_s * 1000000000ull;
        first_deadline = t_start + (uint64_t)first_timeout_s * 1000000000ull;

        while (got < n) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
                uint64_t now;
                if (!m) {
                        now = now_ns();
                        if (now > deadline)
                                break;
                        if (!got && now > first_deadline)
                                bench_fail(B, "no message within %d s of %s%s%s", first_timeout_s,
                                           strcmp(mode, "subscribe") ? "rd_kafka_assign"
                                                                      : "rd_kafka_subscribe",
                                           errors ? "; first error: " : "", first_err);
                        continue;
                }
                if (m->err) {
                        if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                                if (!errors++)
                                        snprintf(first_err, sizeof(first_err), "%s",
                                                 rd_kafka_message_errstr(m));
                                fprintf(stderr, "consumer error: %s\n", rd_kafka_message_errstr(m));
                        }
                        rd_kafka_message_destroy(m);
                        continue;
                }
                if (!got)
                        t_first = now_ns();
                got++;
                bytes += (long long)m->len;
                if (size >= 0 && (long long)m->len != size)
                        bad_size++;
                if (m->partition >= 0 && m->partition < MAX_PARTS) {
                        if (m->offset < next_offset[m->partition])
                                dups++;
                        else
                                next_offset[m->partition] = m->offset + 1;
                }
                rd_kafka_message_destroy(m);
        }
        t_last = now_ns();
        u_end = usage_now();

        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
        t_closed = now_ns();

        valid = got == n && dups == 0 && bad_size == 0;
        {
                double window = got > 1 ? secs(t_last - t_first) : 0.0;
                double wall = secs(t_last - t_start);
                double cpu = (u_end.user_us - u_start.user_us) + (u_end.sys_us - u_start.sys_us);
                usage_t u_fin = usage_now();
                double cpu_all = (u_fin.user_us - u_begin.user_us) + (u_fin.sys_us - u_begin.sys_us);
                double rate = window > 0 ? (double)got / window : 0.0;
                char reason[512] = "";
                if (!valid)
                        snprintf(reason, sizeof(reason),
                                 "%lld of %lld messages consumed, %lld duplicates, %lld of wrong size%s%s",
                                 got, n, dups, bad_size, errors ? "; first error: " : "", first_err);
                json_begin(&j, B);
                json_bool(&j, "ok", 1);
                json_bool(&j, "valid", valid);
                if (!valid)
                        json_str(&j, "invalid_reason", reason);
                json_str(&j, "topic", topic);
                json_str(&j, "mode", mode);
                json_int(&j, "messages", n);
                json_int(&j, "partitions", partitions);
                props_json(&j, "config", &props);
                json_int(&j, "consumed", got);
                json_int(&j, "bytes", bytes);
                json_int(&j, "duplicates", dups);
                json_int(&j, "errors", errors);
                json_num(&j, "wall_s", wall);
                json_num(&j, "first_msg_s", got ? secs(t_first - t_start) : -1.0);
                json_num(&j, "window_s", window);
                json_num(&j, "msgs_per_s", rate);
                json_num(&j, "mb_per_s", window > 0 ? (double)bytes / 1e6 / window : 0.0);
                json_num(&j, "cpu_us_per_msg", got ? cpu / (double)got : -1.0);
                json_num(&j, "cpu_user_s", (u_end.user_us - u_start.user_us) / 1e6);
                json_num(&j, "cpu_sys_s", (u_end.sys_us - u_start.sys_us) / 1e6);
                json_num(&j, "process_cpu_us_per_msg", got ? cpu_all / (double)got : -1.0);
                json_num(&j, "max_rss_kb", (double)u_fin.maxrss_kb);
                json_num(&j, "setup_s", secs(t_start - t_new));
                json_num(&j, "close_s", secs(t_closed - t_last));
                json_end(&j);
                fprintf(stderr,
                        "consumer %s (%s, %s): %lld msgs, first after %.3f s, then %.3f s: "
                        "%.0f msg/s, %.2f MB/s, %.3f us CPU/msg, max RSS %.1f MB%s%s\n",
                        rd_kafka_version_str(), library_path(), mode, got,
                        got ? secs(t_first - t_start) : -1.0, window, rate,
                        window > 0 ? (double)bytes / 1e6 / window : 0.0,
                        got ? cpu / (double)got : -1.0, (double)u_fin.maxrss_kb / 1024.0,
                        valid ? "" : ", INVALID: ", reason);
        }
        return valid ? 0 : 1;
}
