/*
 * rss_soak: a produce-and-consume soak that watches its own memory.
 *
 * One producer sends keyed messages at a steady rate while a group consumer
 * reads them back in the same process, for a given duration. Every few
 * seconds the program samples its resident set size (/proc/self/statm), the
 * bytes its heap has in use (glibc mallinfo2: every arena plus mmapped
 * chunks, so Rust and C allocations alike) and, optionally, the RSS of
 * another process (the broker, with -P). For each series it reports the
 * least-squares slope (KB/s) and the growth: the lowest value of the last
 * quarter of its samples minus the lowest of the first quarter (lows, so
 * that memory in use for a moment, during a burst, does not count; memory
 * kept afterwards does). The RSS series start after the warm-up (-w), the
 * heap series at -W (default: the same), which may be earlier: before the
 * first stall, so that what a burst leaves behind shows.
 *
 * Built against ferrokafka's header; the same binary runs on the reference
 * librdkafka by LD_LIBRARY_PATH. Without -b it hosts a 3-broker mock
 * cluster of the library it runs on (rd_kafka_mock_cluster_new), so the
 * figures cover the client and that mock cluster together; with -b it
 * uses an external cluster (refmock, ferromock in tests/mock/mockhost.c),
 * and -P PID samples that process too.
 *
 *   -d SECONDS  duration (300)          -w SECONDS  warm-up (60)
 *   -W SECONDS  heap series start       -i SECONDS  sampling interval (2)
 *   -r N        messages per second (5000)   -s BYTES  value size (100)
 *   -p N        partitions of the in-process cluster's topic (6)
 *   -b HOSTS    external cluster        -t TOPIC    topic (rss-soak)
 *   -S MS       statistics.interval.ms of both clients (0), with a stats_cb
 *   -I          idempotent producer (enable.idempotence=true)
 *   -P PID      also sample that process's RSS (the broker's)
 *   -x EVERY_S:MS[,MS...]  stall the 3 brokers (delay their responses by
 *               MS) every EVERY_S seconds from the start, lengths taken in
 *               turn from the list; none starts in the last 10 s. Through
 *               the mock API in-process, else as "rtt ID MS" commands
 *               written to the broker host's control pipe (-C FIFO)
 *   -g KB / -H KB / -G KB  fail when the RSS / heap / peer RSS grows by
 *               more than that          -l LABEL    name in the output
 *   -v          print every sample (with glibc's arena figures)
 *
 * The consumer must keep up: the run fails if any delivery fails or if,
 * after up to 30 s of grace at the end, the consumer is still more than
 * ten seconds of messages behind the producer, since memory that grows
 * with a backlog would not be a leak. RSS_SOAK_MALLOC_INFO=1 prints glibc's
 * malloc_info() at the end; RSS_SOAK_NO_DESTROY=1 exits without destroying
 * the clients (for heap profilers: what they hold at exit is then listed).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static atomic_long produced, delivered, dr_failed, consumed, consume_errors, stats_seen;
static atomic_int stop_consumer;
static int verbose;

static double now_s(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Resident set size of a process in KB (pid 0: this one), -1 if unknown. */
static long rss_kb(long pid) {
        char path[64];
        long size, resident;
        FILE *f;
        if (pid)
                snprintf(path, sizeof(path), "/proc/%ld/statm", pid);
        else
                snprintf(path, sizeof(path), "/proc/self/statm");
        f = fopen(path, "r");
        if (!f)
                return -1;
        if (fscanf(f, "%ld %ld", &size, &resident) != 2)
                resident = -1;
        fclose(f);
        return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Bytes in use by malloc in all arenas, in KB. */
static long heap_kb(void) {
        struct mallinfo2 mi = mallinfo2();
        return (long)((mi.uordblks + mi.hblkhd) / 1024);
}

static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        if (m->err) {
                if (atomic_fetch_add(&dr_failed, 1) < 5)
                        fprintf(stderr, "delivery failed: %s\n", rd_kafka_err2str(m->err));
        } else {
                atomic_fetch_add(&delivered, 1);
        }
}

static int stats_cb(rd_kafka_t *rk, char *json, size_t len, void *opaque) {
        (void)rk; (void)json; (void)len; (void)opaque;
        atomic_fetch_add(&stats_seen, 1);
        return 0; /* the library frees json */
}

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
        (void)opaque;
        fprintf(stderr, "%s error: %s: %s\n", rd_kafka_name(rk), rd_kafka_err2name(err), reason);
}

static void set(rd_kafka_conf_t *conf, const char *k, const char *v) {
        char errstr[512];
        if (rd_kafka_conf_set(conf, k, v, errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "%s=%s: %s\n", k, v, errstr);
                exit(2);
        }
}

static const char *bootstrap, *topic = "rss-soak";
static int stats_ms, idempotent;

static void *consumer_main(void *arg) {
        rd_kafka_t *rk = arg;
        rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_resp_err_t err;
        rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
        err = rd_kafka_subscribe(rk, sub);
        rd_kafka_topic_partition_list_destroy(sub);
        if (err) {
                fprintf(stderr, "subscribe: %s\n", rd_kafka_err2str(err));
                atomic_fetch_add(&consume_errors, 1);
                return NULL;
        }
        while (!atomic_load(&stop_consumer)) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
                if (!m)
                        continue;
                if (m->err) {
                        if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF &&
                            atomic_fetch_add(&consume_errors, 1) < 5)
                                fprintf(stderr, "consume: %s\n", rd_kafka_message_errstr(m));
                } else {
                        atomic_fetch_add(&consumed, 1);
                }
                rd_kafka_message_destroy(m);
        }
        rd_kafka_consumer_close(rk);
        return NULL;
}

/* Sets the response delay of the 3 brokers: through the mock API for the
 * in-process cluster, else as "rtt ID MS" commands on the broker host's
 * control pipe (tests/brokers/refmock.c, tests/mock/mockhost.c). */
static void set_rtt(rd_kafka_mock_cluster_t *mc, FILE *ctl, int ms) {
        int id;
        for (id = 1; id <= 3; id++) {
                if (mc)
                        rd_kafka_mock_broker_set_rtt(mc, id, ms);
                else if (ctl)
                        fprintf(ctl, "rtt %d %d\n", id, ms);
        }
        if (ctl)
                fflush(ctl);
}

/* A series sampled after the warm-up: its least-squares slope (KB/s) and
 * its growth, the lowest value of the last quarter of the samples minus
 * the lowest of the first quarter. Lows, not means: memory that is in use
 * for a moment (a burst of messages after a stall, a large response) comes
 * and goes, what is kept is what the lows show. */
struct trend {
        double first, last, slope, growth;
};

static struct trend fit(const double *t, const double *y, int n) {
        struct trend r = {0, 0, 0, 0};
        double st = 0, sy = 0, stt = 0, sty = 0, a = 0, b = 0;
        int i, q = n / 4 > 0 ? n / 4 : 1;
        if (n < 1)
                return r;
        for (i = 0; i < n; i++) {
                st += t[i];
                sy += y[i];
                stt += t[i] * t[i];
                sty += t[i] * y[i];
        }
        r.slope = n > 1 && n * stt - st * st != 0 ? (n * sty - st * sy) / (n * stt - st * st) : 0;
        a = y[0];
        for (i = 0; i < q && i < n; i++)
                a = y[i] < a ? y[i] : a;
        b = y[n - 1];
        for (i = n - q; i < n; i++)
                b = y[i] < b ? y[i] : b;
        r.growth = b - a;
        r.first = y[0];
        r.last = y[n - 1];
        return r;
}

static void report(const char *what, struct trend r) {
        printf("%s %.0f -> %.0f KB, slope %.2f KB/s, growth %.0f KB", what, r.first, r.last, r.slope, r.growth);
}

static int check(const char *what, struct trend r, double max) {
        if (max < 0 || r.growth <= max)
                return 0;
        printf("FAIL: %s grew by %.0f KB after the warm-up (limit %.0f KB)\n", what, r.growth, max);
        return 1;
}

int main(int argc, char **argv) {
        double duration = 300, warmup = 60, heap_from = -1, interval = 2, max_rss = -1, max_heap = -1,
               max_peer = -1;
        double stall_every = 0, next_stall = 0, stall_end = 0;
        int stall_ms[16], stall_cnt = 0, stalls = 0;
        const char *ctl_path = NULL;
        FILE *ctl = NULL;
        long rate = 5000, size = 100, partitions = 6, peer = 0;
        const char *label = "";
        char errstr[512], buf[32];
        rd_kafka_conf_t *conf;
        rd_kafka_t *host = NULL, *prod, *cons;
        rd_kafka_mock_cluster_t *mc = NULL;
        pthread_t ct;
        char *value;
        double t0, next_sample, *ts, *rss, *heap, *peerv;
        int n = 0, cap, opt, fail = 0;
        long last_consumed = 0;

        while ((opt = getopt(argc, argv, "d:w:W:i:r:s:p:b:t:S:IP:l:g:H:G:x:C:v")) != -1) {
                switch (opt) {
                case 'd': duration = atof(optarg); break;
                case 'w': warmup = atof(optarg); break;
                case 'W': heap_from = atof(optarg); break;
                case 'i': interval = atof(optarg); break;
                case 'r': rate = atol(optarg); break;
                case 's': size = atol(optarg); break;
                case 'p': partitions = atol(optarg); break;
                case 'b': bootstrap = optarg; break;
                case 't': topic = optarg; break;
                case 'S': stats_ms = atoi(optarg); break;
                case 'P': peer = atol(optarg); break;
                case 'l': label = optarg; break;
                case 'g': max_rss = atof(optarg); break;
                case 'H': max_heap = atof(optarg); break;
                case 'G': max_peer = atof(optarg); break;
                case 'x': {
                        /* EVERY_S:MS[,MS...] */
                        char *p = strchr(optarg, ':');
                        stall_every = atof(optarg);
                        while (p && stall_cnt < 16) {
                                stall_ms[stall_cnt] = atoi(p + 1);
                                if (stall_ms[stall_cnt] <= 0)
                                        break;
                                stall_cnt++;
                                p = strchr(p + 1, ',');
                        }
                        if (stall_every <= 0 || !stall_cnt) {
                                fprintf(stderr, "-x EVERY_S:STALL_MS[,STALL_MS...]\n");
                                return 2;
                        }
                        break;
                }
                case 'C': ctl_path = optarg; break;
                case 'v': verbose = 1; break;
                case 'I': idempotent = 1; break;
                default:
                        fprintf(stderr, "usage: see the comment at the top of rss_soak.c\n");
                        return 2;
                }
        }
        if (heap_from < 0)
                heap_from = warmup;
        if (duration <= warmup + 4 * interval || duration <= heap_from + 4 * interval || rate <= 0 || size < 0 || partitions <= 0) {
                fprintf(stderr, "the duration must exceed the warm-up by at least 4 samples\n");
                return 2;
        }

        if (!bootstrap) {
                /* A mock cluster of the library under test, hosted by a
                 * handle of its own. */
                conf = rd_kafka_conf_new();
                set(conf, "log_level", "3");
                host = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
                if (!host) {
                        fprintf(stderr, "host: %s\n", errstr);
                        return 2;
                }
                mc = rd_kafka_mock_cluster_new(host, 3);
                if (!mc) {
                        fprintf(stderr, "rd_kafka_mock_cluster_new failed\n");
                        return 2;
                }
                bootstrap = rd_kafka_mock_cluster_bootstraps(mc);
                if (rd_kafka_mock_topic_create(mc, topic, (int)partitions, 1)) {
                        fprintf(stderr, "topic create failed\n");
                        return 2;
                }
        }
        snprintf(buf, sizeof(buf), "%d", stats_ms);

        conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", bootstrap);
        set(conf, "client.id", "rss-soak-producer");
        set(conf, "linger.ms", "5");
        if (idempotent)
                set(conf, "enable.idempotence", "true");
        set(conf, "statistics.interval.ms", buf);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_msg_cb);
        rd_kafka_conf_set_stats_cb(conf, stats_cb);
        rd_kafka_conf_set_error_cb(conf, error_cb);
        prod = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!prod) {
                fprintf(stderr, "producer: %s\n", errstr);
                return 2;
        }

        conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", bootstrap);
        set(conf, "client.id", "rss-soak-consumer");
        set(conf, "group.id", "rss-soak");
        set(conf, "auto.offset.reset", "earliest");
        set(conf, "statistics.interval.ms", buf);
        rd_kafka_conf_set_stats_cb(conf, stats_cb);
        rd_kafka_conf_set_error_cb(conf, error_cb);
        cons = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        if (!cons) {
                fprintf(stderr, "consumer: %s\n", errstr);
                return 2;
        }
        rd_kafka_poll_set_consumer(cons);
        if (pthread_create(&ct, NULL, consumer_main, cons)) {
                fprintf(stderr, "pthread_create failed\n");
                return 2;
        }

        value = malloc(size + 1);
        memset(value, 'v', size);
        cap = (int)(duration / interval) + 16;
        ts = calloc(cap, sizeof(*ts));
        rss = calloc(cap, sizeof(*rss));
        heap = calloc(cap, sizeof(*heap));
        peerv = calloc(cap, sizeof(*peerv));

        printf("rss_soak %s: %s, %ld msg/s of %ld B for %.0f s (warm-up %.0f s)%s, %s\n", label,
               rd_kafka_version_str(), rate, size, duration, warmup, idempotent ? ", idempotent" : "",
               mc ? "in-process mock cluster" : bootstrap);
        fflush(stdout);

        if (ctl_path && !(ctl = fopen(ctl_path, "w"))) {
                perror(ctl_path);
                return 2;
        }
        if (stall_every > 0 && !mc && !ctl) {
                fprintf(stderr, "-x needs the in-process cluster or -C\n");
                return 2;
        }
        t0 = now_s();
        next_sample = t0 + interval;
        /* A stall every stall_every seconds from the start (the warm-up
         * included, so that it sees one), their lengths taken in turn from
         * the list; none starts in the last 10 s, so that the run ends with
         * the clients recovered. */
        next_stall = stall_every;
        for (;;) {
                double now = now_s(), el = now - t0;
                long due = (long)(el * rate);
                if (el >= duration)
                        break;
                while (atomic_load(&produced) < due) {
                        char key[32];
                        long i = atomic_load(&produced);
                        int klen = snprintf(key, sizeof(key), "k%ld", i % 1000);
                        rd_kafka_resp_err_t err =
                            rd_kafka_producev(prod, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(key, klen),
                                              RD_KAFKA_V_VALUE(value, size),
                                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                                rd_kafka_poll(prod, 1);
                                continue;
                        }
                        if (err) {
                                fprintf(stderr, "produce: %s\n", rd_kafka_err2str(err));
                                return 1;
                        }
                        atomic_fetch_add(&produced, 1);
                }
                rd_kafka_poll(prod, 1);
                if (stall_every > 0 && !stall_end && el >= next_stall &&
                    el + stall_ms[stalls % stall_cnt] / 1000.0 + 10 < duration) {
                        int ms = stall_ms[stalls++ % stall_cnt];
                        set_rtt(mc, ctl, ms);
                        stall_end = el + ms / 1000.0;
                        next_stall += stall_every;
                        printf("t=%6.1f stall: brokers answer %d ms late\n", el, ms);
                } else if (stall_end && el >= stall_end) {
                        set_rtt(mc, ctl, 0);
                        stall_end = 0;
                }
                if (now >= next_sample) {
                        long r = rss_kb(0), h = heap_kb(), p = peer ? rss_kb(peer) : 0;
                        long c = atomic_load(&consumed);
                        next_sample += interval;
                        if (n < cap && el >= (heap_from < warmup ? heap_from : warmup)) {
                                ts[n] = el;
                                rss[n] = r;
                                heap[n] = h;
                                peerv[n] = p;
                                n++;
                        }
                        if (verbose || el < warmup + interval) {
                                struct mallinfo2 mi = mallinfo2();
                                printf("t=%6.1f rss_kb=%ld heap_kb=%ld", el, r, h);
                                if (verbose)
                                        printf(" (mmapped %zu, arena free %zu, top %zu)", mi.hblkhd / 1024,
                                               mi.fordblks / 1024, mi.keepcost / 1024);
                                if (peer)
                                        printf(" peer_rss_kb=%ld", p);
                                printf(" produced=%ld delivered=%ld consumed=%ld (+%ld/s)%s\n",
                                       atomic_load(&produced), atomic_load(&delivered), c,
                                       (long)((c - last_consumed) / interval),
                                       el < warmup ? " warm-up" : "");
                        }
                        fflush(stdout);
                        last_consumed = c;
                }
        }

        /* The consumer must have kept up. */
        {
                double until = now_s() + 30;
                while (atomic_load(&consumed) < atomic_load(&produced) && now_s() < until)
                        rd_kafka_poll(prod, 100);
        }
        rd_kafka_flush(prod, 10000);
        atomic_store(&stop_consumer, 1);
        if (ctl)
                fclose(ctl);
        pthread_join(ct, NULL);

        {
                long p = atomic_load(&produced), d = atomic_load(&delivered), c = atomic_load(&consumed);
                /* The RSS series start after the warm-up, the heap's at
                 * heap_from (samples are kept from the earlier of the two). */
                int w = 0, hf = 0;
                while (w < n && ts[w] < warmup)
                        w++;
                while (hf < n && ts[hf] < heap_from)
                        hf++;
                struct trend r = fit(ts + w, rss + w, n - w), h = fit(ts + hf, heap + hf, n - hf),
                             pr = fit(ts + w, peerv + w, n - w);
                printf("produced=%ld delivered=%ld failed=%ld consumed=%ld consume_errors=%ld stats=%ld\n", p, d,
                       atomic_load(&dr_failed), c, atomic_load(&consume_errors), atomic_load(&stats_seen));
                printf("result %s: ", label);
                report("rss", r);
                report("; heap", h);
                if (peer)
                        report("; peer rss", pr);
                printf(" (%d samples over %.0f s after a %.0f s warm-up; heap from %.0f s)\n", n - w,
                       n > w ? ts[n - 1] - ts[w] : 0, warmup, heap_from);
                if (d != p || atomic_load(&dr_failed)) {
                        printf("FAIL: %ld of %ld messages delivered\n", d, p);
                        fail = 1;
                }
                if (c < p - 10 * rate) {
                        printf("FAIL: the consumer fell behind (%ld of %ld)\n", c, p);
                        fail = 1;
                }
                fail |= check("RSS", r, max_rss);
                fail |= check("heap in use", h, max_heap);
                if (peer)
                        fail |= check("the peer's RSS", pr, max_peer);
        }
        fflush(stdout);

        if (getenv("RSS_SOAK_MALLOC_INFO"))
                malloc_info(0, stderr);
        /* For heap profilers: what is still allocated at exit is what the
         * clients hold after the run. */
        if (getenv("RSS_SOAK_NO_DESTROY"))
                exit(fail);
        rd_kafka_destroy(cons);
        rd_kafka_destroy(prod);
        if (mc)
                rd_kafka_mock_cluster_destroy(mc);
        if (host)
                rd_kafka_destroy(host);
        free(value);
        free(ts);
        free(rss);
        free(heap);
        free(peerv);
        return fail;
}
