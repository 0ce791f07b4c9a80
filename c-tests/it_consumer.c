/* Consumer integration test against an independent broker: data produced
 * by our producer is read back with the legacy consumer (consume,
 * consume_batch, consume_callback, consume_queue), with assign() at
 * absolute and logical offsets (seek, pause/resume, position, EOF), with
 * watermark and offsets-for-times queries, and by group consumers (eager
 * range and cooperative-sticky) with commits; every message is checked
 * against its delivery report. */
#include <librdkafka/rdkafka.h>
#include "ittest.h"

#define N 2000
#define PARTS 4
static char topic[64];

/* What the producer's delivery reports said about message i. */
static int32_t dr_part[N];
static int64_t dr_off[N];
static int64_t part_cnt[PARTS];
static int64_t ts_base;
static int dr_ok;

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *o) {
        (void)rk; (void)o;
        int i = (int)(intptr_t)m->_private;
        if (m->err || i < 0 || i >= N)
                return;
        dr_part[i] = m->partition;
        dr_off[i] = m->offset;
        dr_ok++;
}

static rd_kafka_t *client(rd_kafka_type_t type, const char **kv) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr)), 0);
        for (; kv && kv[0]; kv += 2)
                CHECK(rd_kafka_conf_set(conf, kv[0], kv[1], errstr, sizeof(errstr)) == RD_KAFKA_CONF_OK, "%s", errstr);
        if (type == RD_KAFKA_PRODUCER)
                rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        rd_kafka_t *rk = rd_kafka_new(type, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "rd_kafka_new: %s\n", errstr);
                exit(1);
        }
        return rk;
}

/* Index of a message from its key "k<i>"; -1 if not ours. */
static int msg_index(const rd_kafka_message_t *m) {
        char buf[16];
        if (!m->key || m->key_len < 2 || m->key_len >= sizeof(buf))
                return -1;
        memcpy(buf, m->key, m->key_len);
        buf[m->key_len] = 0;
        return buf[0] == 'k' ? atoi(buf + 1) : -1;
}

/* Checks a consumed message against what was produced. */
static int check_msg(const rd_kafka_message_t *m) {
        int i = msg_index(m);
        char want[32];
        const void *hv;
        size_t hs;
        rd_kafka_headers_t *hdrs;
        CHECK(i >= 0 && i < N, "unknown key");
        if (i < 0 || i >= N)
                return -1;
        CHECK(m->partition == dr_part[i] && m->offset == dr_off[i], "msg %d at %d/%lld, produced to %d/%lld", i,
              m->partition, (long long)m->offset, dr_part[i], (long long)dr_off[i]);
        snprintf(want, sizeof(want), "v%d", i);
        CHECK(m->len == strlen(want) && !memcmp(m->payload, want, m->len), "value of %d", i);
        CHECK(rd_kafka_message_headers(m, &hdrs) == 0 && rd_kafka_header_get_last(hdrs, "i", &hv, &hs) == 0 && hs == sizeof(int) &&
                  *(const int *)hv == i,
              "header of %d", i);
        rd_kafka_timestamp_type_t tt;
        int64_t ts = rd_kafka_message_timestamp(m, &tt);
        CHECK(tt == RD_KAFKA_TIMESTAMP_CREATE_TIME && ts == ts_base + i * 10, "timestamp of %d: %lld (type %d)", i, (long long)ts, tt);
        return i;
}

static void produce_all(void) {
        /* tansu serves fetches only from batch boundaries and reports the
         * last batch's base offset + 1 as the high watermark (the
         * confluent-kafka wheel's librdkafka sees the same): one message
         * per batch there. */
        const char *kv[] = {"linger.ms", "5", "batch.num.messages", strcmp(it_broker(), "tansu") ? "10000" : "1", NULL};
        rd_kafka_t *p = client(RD_KAFKA_PRODUCER, kv);
        int i;
        ts_base = (int64_t)time(NULL) * 1000 - 3600 * 1000;
        for (i = 0; i < N; i++) {
                char k[16], v[16];
                snprintf(k, sizeof(k), "k%d", i);
                snprintf(v, sizeof(v), "v%d", i);
                CHECK_INT(rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(k, strlen(k)), RD_KAFKA_V_VALUE(v, strlen(v)),
                                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADER("i", &i, sizeof(i)),
                                            RD_KAFKA_V_TIMESTAMP(ts_base + i * 10), RD_KAFKA_V_OPAQUE((void *)(intptr_t)i), RD_KAFKA_V_END),
                          0);
        }
        CHECK_INT(rd_kafka_flush(p, 30000), 0);
        CHECK_INT(dr_ok, N);
        rd_kafka_destroy(p);
        for (i = 0; i < N; i++)
                if (dr_off[i] + 1 > part_cnt[dr_part[i]])
                        part_cnt[dr_part[i]] = dr_off[i] + 1;
        for (i = 0; i < PARTS; i++)
                CHECK(part_cnt[i] > 0, "partition %d got messages", i);
}

static int cb_count;
static int64_t cb_next;
static void consume_cb(rd_kafka_message_t *m, void *opaque) {
        (void)opaque;
        if (m->err)
                return;
        check_msg(m);
        CHECK(m->offset == cb_next, "consume_cb offset %lld, expected %lld", (long long)m->offset, (long long)cb_next);
        cb_next = m->offset + 1;
        cb_count++;
}

/* The legacy consumer, one reading style per partition. */
static void legacy(void) {
        rd_kafka_t *c = client(RD_KAFKA_CONSUMER, NULL);
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(c, topic, NULL);
        rd_kafka_queue_t *q = rd_kafka_queue_new(c);
        int64_t next;
        long long t0;
        int p;
        CHECK_INT(rd_kafka_consume_start(rkt, 0, RD_KAFKA_OFFSET_BEGINNING), 0);
        CHECK_INT(rd_kafka_consume_start(rkt, 1, RD_KAFKA_OFFSET_BEGINNING), 0);
        CHECK_INT(rd_kafka_consume_start(rkt, 2, RD_KAFKA_OFFSET_BEGINNING), 0);
        CHECK_INT(rd_kafka_consume_start_queue(rkt, 3, RD_KAFKA_OFFSET_TAIL(5), q), 0);
        /* Starting again restarts at the new offset (here the same). */
        CHECK_INT(rd_kafka_consume_start(rkt, 0, 0), 0);

        /* Partition 0: one at a time. */
        for (next = 0, t0 = it_now_ms(); next < part_cnt[0] && it_now_ms() - t0 < 20000;) {
                rd_kafka_message_t *m = rd_kafka_consume(rkt, 0, 500);
                if (!m)
                        continue;
                if (!m->err) {
                        CHECK_INT(m->offset, next);
                        check_msg(m);
                        next = m->offset + 1;
                }
                rd_kafka_message_destroy(m);
        }
        CHECK_INT(next, part_cnt[0]);

        /* Partition 1: in batches. */
        for (next = 0, t0 = it_now_ms(); next < part_cnt[1] && it_now_ms() - t0 < 20000;) {
                rd_kafka_message_t *msgs[64];
                ssize_t n = rd_kafka_consume_batch(rkt, 1, 500, msgs, 64), i;
                CHECK(n >= 0, "consume_batch %zd", n);
                for (i = 0; i < n; i++) {
                        if (!msgs[i]->err) {
                                CHECK_INT(msgs[i]->offset, next);
                                check_msg(msgs[i]);
                                next = msgs[i]->offset + 1;
                        }
                        rd_kafka_message_destroy(msgs[i]);
                }
        }
        CHECK_INT(next, part_cnt[1]);

        /* Partition 2: with a callback. */
        for (t0 = it_now_ms(); cb_count < part_cnt[2] && it_now_ms() - t0 < 20000;)
                CHECK(rd_kafka_consume_callback(rkt, 2, 500, consume_cb, NULL) >= 0, "consume_callback");
        CHECK_INT(cb_count, part_cnt[2]);

        /* Partition 3: the last five through a queue. */
        for (next = part_cnt[3] - 5, t0 = it_now_ms(); next < part_cnt[3] && it_now_ms() - t0 < 20000;) {
                rd_kafka_message_t *m = rd_kafka_consume_queue(q, 500);
                if (!m)
                        continue;
                if (!m->err) {
                        CHECK_INT(m->offset, next);
                        check_msg(m);
                        next = m->offset + 1;
                }
                rd_kafka_message_destroy(m);
        }
        CHECK_INT(next, part_cnt[3]);

        /* Seek back on partition 0 and read from there. */
        CHECK_INT(rd_kafka_seek(rkt, 0, 3, 1000), 0);
        {
                rd_kafka_message_t *m = NULL;
                for (t0 = it_now_ms(); !m && it_now_ms() - t0 < 10000;)
                        m = rd_kafka_consume(rkt, 0, 500);
                CHECK(m && !m->err && m->offset == 3, "after seek: %lld", m ? (long long)m->offset : -1LL);
                if (m)
                        rd_kafka_message_destroy(m);
        }
        for (p = 0; p < PARTS; p++)
                CHECK_INT(rd_kafka_consume_stop(rkt, p), 0);
        /* Stopping again is not an error; an unknown partition is. */
        CHECK_INT(rd_kafka_consume_stop(rkt, 0), 0);
        CHECK_INT(rd_kafka_consume_stop(rkt, 77), -1);
        CHECK_INT(rd_kafka_last_error(), RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
        CHECK(rd_kafka_consume(rkt, 0, 0) == NULL, "consume after stop");
        rd_kafka_queue_destroy(q);
        rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(c);
}

/* assign() with absolute and logical offsets, EOF, position, pause,
 * resume and seek; watermarks and offsets for times. */
static void assigned(void) {
        const char *kv[] = {"enable.partition.eof", "true", "group.id", "it-cons-assign", NULL};
        rd_kafka_t *c = client(RD_KAFKA_CONSUMER, kv);
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(PARTS);
        int64_t next[PARTS], lo, hi;
        int eof[PARTS] = {0}, p, done = 0;
        long long t0;
        CHECK_INT(rd_kafka_poll_set_consumer(c), 0);
        rd_kafka_topic_partition_list_add(l, topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
        rd_kafka_topic_partition_list_add(l, topic, 1)->offset = 5;
        rd_kafka_topic_partition_list_add(l, topic, 2)->offset = RD_KAFKA_OFFSET_END;
        rd_kafka_topic_partition_list_add(l, topic, 3)->offset = RD_KAFKA_OFFSET_TAIL(3);
        CHECK_INT(rd_kafka_assign(c, l), 0);
        next[0] = 0;
        next[1] = 5;
        next[2] = part_cnt[2];
        next[3] = part_cnt[3] - 3;
        for (t0 = it_now_ms(); done < PARTS && it_now_ms() - t0 < 30000;) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 500);
                if (!m)
                        continue;
                if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                        CHECK(m->partition >= 0 && m->partition < PARTS, "eof partition");
                        CHECK(m->offset == part_cnt[m->partition], "EOF of %d at %lld, end %lld", m->partition, (long long)m->offset,
                              (long long)part_cnt[m->partition]);
                        CHECK_INT(next[m->partition], part_cnt[m->partition]);
                        if (!eof[m->partition]++)
                                done++;
                } else if (m->err) {
                        CHECK(0, "consumer error %s", rd_kafka_message_errstr(m));
                } else {
                        CHECK_INT(m->offset, next[m->partition]);
                        check_msg(m);
                        next[m->partition] = m->offset + 1;
                }
                rd_kafka_message_destroy(m);
        }
        CHECK_INT(done, PARTS);
        /* Positions are where the application is: after its last message,
         * none (INVALID) where it got no message (partition 2 started at
         * the end). */
        CHECK_INT(rd_kafka_position(c, l), 0);
        for (p = 0; p < PARTS; p++)
                CHECK(l->elems[p].offset == (p == 2 ? RD_KAFKA_OFFSET_INVALID : part_cnt[p]), "position of %d: %lld", p,
                      (long long)l->elems[p].offset);
        rd_kafka_topic_partition_list_destroy(l);

        /* Watermarks, queried and cached. */
        for (p = 0; p < PARTS; p++) {
                CHECK_INT(rd_kafka_query_watermark_offsets(c, topic, p, &lo, &hi, 5000), 0);
                CHECK(lo == 0 && hi == part_cnt[p], "watermarks of %d: %lld..%lld", p, (long long)lo, (long long)hi);
                CHECK_INT(rd_kafka_get_watermark_offsets(c, topic, p, &lo, &hi), 0);
                CHECK(hi == part_cnt[p], "cached high watermark of %d: %lld", p, (long long)hi);
        }
        /* Nothing cached for a partition never fetched: INVALID, no error. */
        CHECK_INT(rd_kafka_get_watermark_offsets(c, topic, 99, &lo, &hi), 0);
        CHECK(lo == RD_KAFKA_OFFSET_INVALID && hi == RD_KAFKA_OFFSET_INVALID, "uncached watermarks %lld..%lld", (long long)lo,
              (long long)hi);

        /* Offsets for times: the first message at or after a timestamp. */
        {
                int target = N / 2, i;
                rd_kafka_topic_partition_list_t *t = rd_kafka_topic_partition_list_new(PARTS);
                for (p = 0; p < PARTS; p++)
                        rd_kafka_topic_partition_list_add(t, topic, p)->offset = ts_base + target * 10;
                rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(c, t, 5000);
                /* librdkafka's mock clusters ignore timestamps, and 2.0's
                 * garbles answers for several partitions (librdkafka 2.16
                 * gets the same): only the call is checked there. */
                if (!it_is_librdkafka_mock())
                        CHECK_INT(err, 0);
                for (p = 0; p < PARTS && !it_is_librdkafka_mock(); p++) {
                        int64_t want = -1;
                        for (i = target; i < N; i++)
                                if (dr_part[i] == p && (want < 0 || dr_off[i] < want))
                                        want = dr_off[i];
                        /* tansu answers every timestamp with the log start
                         * (librdkafka 2.16 gets the same). */
                        if (!strcmp(it_broker(), "tansu"))
                                want = 0;
                        CHECK(t->elems[p].err == 0 && t->elems[p].offset == want, "offsets_for_times %d: %lld (err %d), expected %lld", p,
                              (long long)t->elems[p].offset, t->elems[p].err, (long long)want);
                }
                rd_kafka_topic_partition_list_destroy(t);
        }

        /* Pause partition 0, seek it back: nothing arrives while paused;
         * after resume it delivers from the seek offset. */
        {
                rd_kafka_topic_partition_list_t *pl = rd_kafka_topic_partition_list_new(1);
                rd_kafka_message_t *m;
                rd_kafka_topic_partition_list_add(pl, topic, 0);
                CHECK_INT(rd_kafka_pause_partitions(c, pl), 0);
                CHECK_INT(pl->elems[0].err, 0);
                pl->elems[0].offset = 7;
                {
                        rd_kafka_error_t *e = rd_kafka_seek_partitions(c, pl, 2000);
                        CHECK(e == NULL, "seek_partitions: %s", e ? rd_kafka_error_string(e) : "");
                        if (e)
                                rd_kafka_error_destroy(e);
                }
                t0 = it_now_ms();
                while (it_now_ms() - t0 < 1500) {
                        m = rd_kafka_consumer_poll(c, 200);
                        if (m) {
                                CHECK(m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF || m->partition != 0, "message from paused partition: %d/%lld",
                                      m->partition, (long long)m->offset);
                                rd_kafka_message_destroy(m);
                        }
                }
                CHECK_INT(rd_kafka_resume_partitions(c, pl), 0);
                m = NULL;
                for (t0 = it_now_ms(); it_now_ms() - t0 < 10000;) {
                        m = rd_kafka_consumer_poll(c, 500);
                        if (m && !m->err)
                                break;
                        if (m)
                                rd_kafka_message_destroy(m);
                        m = NULL;
                }
                CHECK(m && m->partition == 0 && m->offset == 7, "after resume: %d/%lld", m ? m->partition : -1, m ? (long long)m->offset : -1LL);
                if (m)
                        rd_kafka_message_destroy(m);
                rd_kafka_topic_partition_list_destroy(pl);
        }
        CHECK_INT(rd_kafka_assign(c, NULL), 0);
        {
                rd_kafka_topic_partition_list_t *a;
                CHECK_INT(rd_kafka_assignment(c, &a), 0);
                CHECK_INT(a->cnt, 0);
                rd_kafka_topic_partition_list_destroy(a);
        }
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);
}

/* Group consumers. */
static int seen[N];
static int rebalances, commits_cb, cooperative;

static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts, void *opaque) {
        (void)opaque;
        rebalances++;
        if (cooperative) {
                rd_kafka_error_t *e;
                CHECK_STR(rd_kafka_rebalance_protocol(rk), "COOPERATIVE");
                if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
                        e = rd_kafka_incremental_assign(rk, parts);
                else
                        e = rd_kafka_incremental_unassign(rk, parts);
                CHECK(e == NULL, "incremental (un)assign: %s", e ? rd_kafka_error_string(e) : "");
                if (e)
                        rd_kafka_error_destroy(e);
        } else {
                CHECK_STR(rd_kafka_rebalance_protocol(rk), "EAGER");
                CHECK_INT(rd_kafka_assign(rk, err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? parts : NULL), 0);
        }
}

static void offset_commit_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *offsets, void *opaque) {
        (void)rk; (void)opaque;
        if (!err && offsets && offsets->cnt > 0)
                commits_cb++;
}

static rd_kafka_t *member(const char *group, const char *strategy) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_t *rk;
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "group.id", group, errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "partition.assignment.strategy", strategy, errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "auto.commit.interval.ms", "200", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "session.timeout.ms", "6000", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "heartbeat.interval.ms", "500", errstr, sizeof(errstr)), 0);
        if (getenv("IT_DEBUG"))
                CHECK_INT(rd_kafka_conf_set(conf, "debug", getenv("IT_DEBUG"), errstr, sizeof(errstr)), 0);
        rd_kafka_conf_set_rebalance_cb(conf, rebalance_cb);
        rd_kafka_conf_set_offset_commit_cb(conf, offset_commit_cb);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        rd_kafka_poll_set_consumer(rk);
        rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
        CHECK_INT(rd_kafka_subscribe(rk, sub), 0);
        rd_kafka_topic_partition_list_destroy(sub);
        return rk;
}

static int poll_into_seen(rd_kafka_t *rk, int ms) {
        int got = 0;
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, ms);
        if (!m)
                return 0;
        if (!m->err) {
                int i = check_msg(m);
                if (i >= 0) {
                        seen[i]++;
                        got = 1;
                }
        } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                CHECK(0, "consumer error: %s", rd_kafka_message_errstr(m));
        }
        rd_kafka_message_destroy(m);
        return got;
}

static void group(const char *strategy) {
        char gname[64];
        rd_kafka_t *a, *b, *c3;
        int i, total = 0, dups = 0;
        long long t0;
        rd_kafka_topic_partition_list_t *asg_a, *asg_b, *l;
        cooperative = !strcmp(strategy, "cooperative-sticky");
        snprintf(gname, sizeof(gname), "it-cons-%s-%lld", strategy, (long long)time(NULL));
        memset(seen, 0, sizeof(seen));
        rebalances = commits_cb = 0;
        a = member(gname, strategy);
        /* a alone for a moment, then b joins: a rebalance happens while
         * consuming. */
        for (t0 = it_now_ms(); it_now_ms() - t0 < 4000 && total < N / 4;)
                total += poll_into_seen(a, 20);
        b = member(gname, strategy);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 60000;) {
                int missing = 0;
                poll_into_seen(a, 10);
                poll_into_seen(b, 10);
                for (i = 0; i < N && !missing; i++)
                        missing = !seen[i];
                if (!missing)
                        break;
        }
        for (i = 0; i < N; i++) {
                CHECK(seen[i] >= 1, "%s: message %d never consumed", strategy, i);
                if (seen[i] > 1)
                        dups++;
        }
        /* The group settles with every partition owned by exactly one
         * member, each at the end of its partitions. */
        for (t0 = it_now_ms(); it_now_ms() - t0 < 30000;) {
                int na, nb, at_end = 1;
                poll_into_seen(a, 10);
                poll_into_seen(b, 10);
                rd_kafka_assignment(a, &asg_a);
                rd_kafka_assignment(b, &asg_b);
                na = asg_a->cnt;
                nb = asg_b->cnt;
                rd_kafka_position(a, asg_a);
                rd_kafka_position(b, asg_b);
                for (i = 0; i < na; i++)
                        at_end &= asg_a->elems[i].offset == part_cnt[asg_a->elems[i].partition];
                for (i = 0; i < nb; i++)
                        at_end &= asg_b->elems[i].offset == part_cnt[asg_b->elems[i].partition];
                rd_kafka_topic_partition_list_destroy(asg_a);
                rd_kafka_topic_partition_list_destroy(asg_b);
                if (na + nb == PARTS && na > 0 && nb > 0 && at_end)
                        break;
        }
        rd_kafka_assignment(a, &asg_a);
        rd_kafka_assignment(b, &asg_b);
        CHECK(asg_a->cnt == 2 && asg_b->cnt == 2, "%s: assignment %d + %d", strategy, asg_a->cnt, asg_b->cnt);
        for (i = 0; i < asg_a->cnt; i++)
                CHECK(!rd_kafka_topic_partition_list_find(asg_b, topic, asg_a->elems[i].partition), "%s: partition %d owned twice", strategy,
                      asg_a->elems[i].partition);
        rd_kafka_topic_partition_list_destroy(asg_a);
        rd_kafka_topic_partition_list_destroy(asg_b);
        CHECK(rebalances >= 3, "%s: %d rebalance callbacks", strategy, rebalances);
        /* Final commits (sync): done, or nothing left that auto-commit did
         * not already commit. */
        {
                rd_kafka_resp_err_t ea = rd_kafka_commit(a, NULL, 0), eb = rd_kafka_commit(b, NULL, 0);
                CHECK(ea == 0 || ea == RD_KAFKA_RESP_ERR__NO_OFFSET, "commit a: %s", rd_kafka_err2str(ea));
                CHECK(eb == 0 || eb == RD_KAFKA_RESP_ERR__NO_OFFSET, "commit b: %s", rd_kafka_err2str(eb));
        }
        for (i = 0; i < 10; i++) {
                poll_into_seen(a, 10);
                poll_into_seen(b, 10);
        }
        CHECK(commits_cb > 0, "%s: offset_commit_cb called %d times", strategy, commits_cb);
        printf("%s: %d messages, %d consumed twice (rebalance), %d rebalances\n", strategy, N, dups, rebalances);
        CHECK_INT(rd_kafka_consumer_close(a), 0);
        CHECK_INT(rd_kafka_consumer_close(b), 0);
        CHECK(rd_kafka_consumer_closed(a) == 1, "closed");
        rd_kafka_destroy(a);
        rd_kafka_destroy(b);

        /* A new member of the group starts at the committed offsets: the
         * end of every partition. */
        c3 = member(gname, strategy);
        l = rd_kafka_topic_partition_list_new(PARTS);
        for (i = 0; i < PARTS; i++)
                rd_kafka_topic_partition_list_add(l, topic, i);
        CHECK_INT(rd_kafka_committed(c3, l, 10000), 0);
        for (i = 0; i < PARTS; i++)
                CHECK(l->elems[i].offset == part_cnt[i], "%s: committed %d = %lld, end %lld", strategy, i, (long long)l->elems[i].offset,
                      (long long)part_cnt[i]);
        rd_kafka_topic_partition_list_destroy(l);
        memset(seen, 0, sizeof(seen));
        for (t0 = it_now_ms(), total = 0; it_now_ms() - t0 < 5000;)
                total += poll_into_seen(c3, 100);
        CHECK(total == 0, "%s: new member re-read %d messages", strategy, total);
        rd_kafka_consumer_close(c3);
        rd_kafka_destroy(c3);
}

int main(void) {
        /* A topic of its own: runs never see each other's data. */
        snprintf(topic, sizeof(topic), "it-cons-%d-%lld", (int)getpid(), (long long)time(NULL));
        if (it_create_topic(topic, PARTS)) {
                fprintf(stderr, "cannot create topic %s\n", topic);
                return 1;
        }
        produce_all();
        if (!getenv("IT_ONLY_GROUP")) {
                legacy();
                assigned();
        }
        group("range");
        group("cooperative-sticky");
        printf("it_consumer on %s: %d check(s) failed\n", it_broker(), tu_failures);
        TEST_DONE();
}
