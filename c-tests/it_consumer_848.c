/* The KIP-848 consumer group protocol (group.protocol=consumer) against an
 * independent broker.
 *
 * Where the broker has ConsumerGroupHeartbeat: two members join, the
 * broker's assignment is delivered incrementally through the rebalance
 * callback (protocol "COOPERATIVE"), covers every partition with no
 * partition owned twice, every message is consumed, one member leaves and
 * the other ends up with every partition and consumes what is produced
 * next, commits succeed and a later member starts at the committed
 * offsets.
 *
 * Where it does not (librdkafka 2.0.2's mock cluster): the member never
 * gets an assignment and the application is told with a consumer error,
 * as librdkafka 2.16 does.
 *
 * Run it on librdkafka itself to check that the assertions describe its
 * behaviour:
 *   LD_LIBRARY_PATH=build/reference-librdkafka IT_BROKER=... IT_BOOTSTRAP=... build/c-tests/it_consumer_848
 */
#include <librdkafka/rdkafka.h>
#include "ittest.h"

#define N 1200
#define PARTS 4
static char topic[64];

static int32_t dr_part[N];
static int64_t dr_off[N];
static int64_t part_end[PARTS];
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

/* Produces messages [from, to) with key "k<i>". */
static void produce(int from, int to) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *p;
        int i, before = dr_ok;
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr)), 0);
        /* tansu serves fetches from batch boundaries only. */
        CHECK_INT(rd_kafka_conf_set(conf, "batch.num.messages", strcmp(it_broker(), "tansu") ? "10000" : "1", errstr, sizeof(errstr)), 0);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(p != NULL, "%s", errstr);
        if (!p)
                exit(1);
        for (i = from; i < to; i++) {
                char k[16];
                snprintf(k, sizeof(k), "k%d", i);
                CHECK_INT(rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(k, strlen(k)), RD_KAFKA_V_VALUE(k, strlen(k)),
                                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE((void *)(intptr_t)i), RD_KAFKA_V_END),
                          0);
        }
        CHECK_INT(rd_kafka_flush(p, 30000), 0);
        CHECK_INT(dr_ok - before, to - from);
        rd_kafka_destroy(p);
        for (i = from; i < to; i++)
                if (dr_off[i] + 1 > part_end[dr_part[i]])
                        part_end[dr_part[i]] = dr_off[i] + 1;
}

/* Per member: what the rebalance callback was told. */
struct mstate {
        const char *name;
        int assigns, revokes, bad_protocol, lost;
        int owned[PARTS];
        int errors;
        rd_kafka_resp_err_t last_err;
        char last_errstr[512];
};

static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts, void *opaque) {
        struct mstate *ms = opaque;
        rd_kafka_error_t *e;
        const char *proto = rd_kafka_rebalance_protocol(rk);
        int i;
        if (!proto || strcmp(proto, "COOPERATIVE"))
                ms->bad_protocol++;
        for (i = 0; i < parts->cnt; i++) {
                int p = parts->elems[i].partition;
                CHECK(!strcmp(parts->elems[i].topic, topic) && p >= 0 && p < PARTS, "%s: rebalance for %s [%d]", ms->name,
                      parts->elems[i].topic, p);
                if (p < 0 || p >= PARTS)
                        continue;
                if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
                        CHECK(!ms->owned[p], "%s: partition %d assigned while owned", ms->name, p);
                        ms->owned[p] = 1;
                } else {
                        CHECK(ms->owned[p], "%s: partition %d revoked but not owned", ms->name, p);
                        ms->owned[p] = 0;
                }
        }
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
                ms->assigns++;
                e = rd_kafka_incremental_assign(rk, parts);
        } else {
                CHECK_INT(err, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS);
                ms->revokes++;
                ms->lost += rd_kafka_assignment_lost(rk);
                e = rd_kafka_incremental_unassign(rk, parts);
        }
        CHECK(e == NULL, "%s: incremental (un)assign: %s", ms->name, e ? rd_kafka_error_string(e) : "");
        if (e)
                rd_kafka_error_destroy(e);
}

static int commits_ok, commits_failed;
static void offset_commit_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *offsets, void *opaque) {
        (void)rk; (void)opaque;
        if (!err && offsets && offsets->cnt > 0)
                commits_ok++;
        else if (err && err != RD_KAFKA_RESP_ERR__NO_OFFSET)
                commits_failed++;
}

static rd_kafka_t *member(const char *group, struct mstate *ms, const char **extra) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_t *rk;
        memset(ms->owned, 0, sizeof(ms->owned));
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "group.id", group, errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "group.protocol", "consumer", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "auto.commit.interval.ms", "200", errstr, sizeof(errstr)), 0);
        for (; extra && extra[0]; extra += 2)
                CHECK_INT(rd_kafka_conf_set(conf, extra[0], extra[1], errstr, sizeof(errstr)), 0);
        if (getenv("IT_DEBUG"))
                CHECK_INT(rd_kafka_conf_set(conf, "debug", getenv("IT_DEBUG"), errstr, sizeof(errstr)), 0);
        rd_kafka_conf_set_rebalance_cb(conf, rebalance_cb);
        rd_kafka_conf_set_offset_commit_cb(conf, offset_commit_cb);
        rd_kafka_conf_set_opaque(conf, ms);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        if (!rk)
                exit(1);
        rd_kafka_poll_set_consumer(rk);
        rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
        CHECK_INT(rd_kafka_subscribe(rk, sub), 0);
        rd_kafka_topic_partition_list_destroy(sub);
        return rk;
}

static int seen[N];

/* One poll: counts our messages in seen[], records consumer errors. */
static int poll_one(rd_kafka_t *rk, struct mstate *ms, int ms_timeout) {
        int got = 0;
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, ms_timeout);
        if (!m)
                return 0;
        if (!m->err) {
                char k[16];
                int i = -1;
                if (m->key && m->key_len > 1 && m->key_len < sizeof(k)) {
                        memcpy(k, m->key, m->key_len);
                        k[m->key_len] = 0;
                        i = atoi(k + 1);
                }
                CHECK(i >= 0 && i < N, "%s: unknown message", ms->name);
                if (i >= 0 && i < N) {
                        CHECK(m->partition == dr_part[i] && m->offset == dr_off[i], "%s: message %d at %d/%lld, produced to %d/%lld",
                              ms->name, i, m->partition, (long long)m->offset, dr_part[i], (long long)dr_off[i]);
                        CHECK(m->partition >= 0 && m->partition < PARTS && ms->owned[m->partition], "%s: message from unowned partition %d",
                              ms->name, m->partition);
                        seen[i]++;
                        got = 1;
                }
        } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                ms->errors++;
                ms->last_err = m->err;
                snprintf(ms->last_errstr, sizeof(ms->last_errstr), "%s", rd_kafka_message_errstr(m));
        }
        rd_kafka_message_destroy(m);
        return got;
}

static int owned_cnt(const struct mstate *ms) {
        int i, n = 0;
        for (i = 0; i < PARTS; i++)
                n += ms->owned[i];
        return n;
}

/* Whether every message in [from, to) was seen. */
static int all_seen(int from, int to) {
        int i;
        for (i = from; i < to; i++)
                if (!seen[i])
                        return 0;
        return 1;
}

/* The broker has ConsumerGroupHeartbeat. */
static void supported(void) {
        char gname[64];
        struct mstate sa = {.name = "a"}, sb = {.name = "b"}, sc = {.name = "c"};
        rd_kafka_t *a, *b, *c;
        rd_kafka_topic_partition_list_t *la, *lb, *l;
        int i, n1 = N / 2, moved = 0;
        long long t0;
        snprintf(gname, sizeof(gname), "it-848-%d-%lld", (int)getpid(), (long long)time(NULL));
        produce(0, n1);

        /* a alone gets every partition. */
        a = member(gname, &sa, NULL);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 20000 && owned_cnt(&sa) < PARTS;)
                poll_one(a, &sa, 50);
        CHECK(owned_cnt(&sa) == PARTS, "a alone owns %d partition(s)", owned_cnt(&sa));
        for (t0 = it_now_ms(); it_now_ms() - t0 < 1000;)
                poll_one(a, &sa, 20);

        /* b joins: the partitions are shared out without overlap. */
        b = member(gname, &sb, NULL);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 30000;) {
                int overlap = 0;
                poll_one(a, &sa, 10);
                poll_one(b, &sb, 10);
                for (i = 0; i < PARTS; i++)
                        overlap |= sa.owned[i] && sb.owned[i];
                CHECK(!overlap, "a partition is owned by both members");
                if (overlap)
                        break;
                if (owned_cnt(&sa) + owned_cnt(&sb) == PARTS && owned_cnt(&sa) > 0 && owned_cnt(&sb) > 0 && all_seen(0, n1))
                        break;
        }
        CHECK(owned_cnt(&sa) > 0 && owned_cnt(&sb) > 0 && owned_cnt(&sa) + owned_cnt(&sb) == PARTS, "shared: a %d + b %d partitions",
              owned_cnt(&sa), owned_cnt(&sb));
        CHECK(sa.revokes >= 1, "a had %d revocation(s)", sa.revokes);
        CHECK(all_seen(0, n1), "not every message of the first batch consumed");
        /* rd_kafka_assignment() agrees with the callbacks. */
        rd_kafka_assignment(a, &la);
        rd_kafka_assignment(b, &lb);
        CHECK_INT(la->cnt, owned_cnt(&sa));
        CHECK_INT(lb->cnt, owned_cnt(&sb));
        for (i = 0; i < la->cnt; i++)
                CHECK(!rd_kafka_topic_partition_list_find(lb, topic, la->elems[i].partition), "partition %d in both assignments",
                      la->elems[i].partition);
        rd_kafka_topic_partition_list_destroy(la);
        rd_kafka_topic_partition_list_destroy(lb);
        CHECK_STR(rd_kafka_rebalance_protocol(a), "COOPERATIVE");
        {
                rd_kafka_resp_err_t ea = rd_kafka_commit(a, NULL, 0), eb = rd_kafka_commit(b, NULL, 0);
                CHECK(ea == 0 || ea == RD_KAFKA_RESP_ERR__NO_OFFSET, "commit a: %s", rd_kafka_err2str(ea));
                CHECK(eb == 0 || eb == RD_KAFKA_RESP_ERR__NO_OFFSET, "commit b: %s", rd_kafka_err2str(eb));
        }

        /* b leaves: a gets everything back and reads what comes next. */
        CHECK_INT(rd_kafka_consumer_close(b), 0);
        CHECK_INT(owned_cnt(&sb), 0);
        rd_kafka_destroy(b);
        produce(n1, N);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 30000;) {
                poll_one(a, &sa, 20);
                if (owned_cnt(&sa) == PARTS && all_seen(n1, N))
                        break;
        }
        CHECK(owned_cnt(&sa) == PARTS, "after b left a owns %d partition(s)", owned_cnt(&sa));
        CHECK(all_seen(n1, N), "not every message of the second batch consumed");
        for (i = 0; i < N; i++)
                moved += seen[i] > 1;
        CHECK(sa.bad_protocol == 0 && sb.bad_protocol == 0, "rebalance protocol other than COOPERATIVE in the callback");
        CHECK(sa.errors == 0 && sb.errors == 0, "consumer errors: a %d (%s), b %d (%s)", sa.errors, sa.last_errstr, sb.errors,
              sb.last_errstr);
        {
                rd_kafka_resp_err_t ea = rd_kafka_commit(a, NULL, 0);
                CHECK(ea == 0 || ea == RD_KAFKA_RESP_ERR__NO_OFFSET, "commit a: %s", rd_kafka_err2str(ea));
        }
        for (i = 0; i < 10; i++)
                poll_one(a, &sa, 10);
        CHECK(commits_ok > 0 && commits_failed == 0, "commits: %d ok, %d failed", commits_ok, commits_failed);
        printf("it_consumer_848: %d messages, %d read twice, a: %d assign(s) %d revoke(s), b: %d/%d\n", N, moved, sa.assigns,
               sa.revokes, sb.assigns, sb.revokes);
        CHECK_INT(rd_kafka_consumer_close(a), 0);
        CHECK_INT(owned_cnt(&sa), 0);
        rd_kafka_destroy(a);

        /* A new member starts at the committed offsets: the end. */
        memset(seen, 0, sizeof(seen));
        c = member(gname, &sc, NULL);
        l = rd_kafka_topic_partition_list_new(PARTS);
        for (i = 0; i < PARTS; i++)
                rd_kafka_topic_partition_list_add(l, topic, i);
        CHECK_INT(rd_kafka_committed(c, l, 10000), 0);
        for (i = 0; i < PARTS; i++)
                CHECK(l->elems[i].offset == part_end[i], "committed %d = %lld, end %lld", i, (long long)l->elems[i].offset,
                      (long long)part_end[i]);
        rd_kafka_topic_partition_list_destroy(l);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 20000 && owned_cnt(&sc) < PARTS;)
                poll_one(c, &sc, 50);
        CHECK(owned_cnt(&sc) == PARTS, "c owns %d partition(s)", owned_cnt(&sc));
        for (t0 = it_now_ms(); it_now_ms() - t0 < 2000;)
                CHECK(!poll_one(c, &sc, 50), "c re-read a committed message");
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);
}

/* A fenced member (FENCED_MEMBER_EPOCH from the coordinator, injected in
 * a mock) loses its partitions (revoked with rd_kafka_assignment_lost())
 * and joins again, getting them back. Also: the configuration properties
 * of the classic protocol are refused with group.protocol=consumer. */
static void fenced(void) {
        char gname[64], errstr[512];
        struct mstate sa = {.name = "a"};
        rd_kafka_t *a;
        rd_kafka_conf_t *conf;
        long long t0;
        static const char *classic_only[] = {"session.timeout.ms", "6000", "heartbeat.interval.ms", "500",
                                             "partition.assignment.strategy", "range", NULL};
        const char **kv;
        for (kv = classic_only; kv[0]; kv += 2) {
                conf = rd_kafka_conf_new();
                CHECK_INT(rd_kafka_conf_set(conf, "group.id", "g", errstr, sizeof(errstr)), 0);
                CHECK_INT(rd_kafka_conf_set(conf, "group.protocol", "consumer", errstr, sizeof(errstr)), 0);
                CHECK_INT(rd_kafka_conf_set(conf, kv[0], kv[1], errstr, sizeof(errstr)), 0);
                errstr[0] = 0;
                a = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
                CHECK(a == NULL, "%s accepted with group.protocol=consumer", kv[0]);
                CHECK_CONTAINS(errstr, kv[0]);
                if (a)
                        rd_kafka_destroy(a);
                else
                        rd_kafka_conf_destroy(conf);
        }

        snprintf(gname, sizeof(gname), "it-848-fence-%d-%lld", (int)getpid(), (long long)time(NULL));
        a = member(gname, &sa, NULL);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 20000 && owned_cnt(&sa) < PARTS;)
                poll_one(a, &sa, 50);
        CHECK(owned_cnt(&sa) == PARTS, "a owns %d partition(s)", owned_cnt(&sa));
        CHECK_INT(it_mock_cmd("errors 68 %d", RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH), 0);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 20000 && !sa.lost;)
                poll_one(a, &sa, 50);
        CHECK(sa.lost == 1, "a lost its assignment %d time(s)", sa.lost);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 20000 && owned_cnt(&sa) < PARTS;)
                poll_one(a, &sa, 50);
        CHECK(owned_cnt(&sa) == PARTS, "after rejoining a owns %d partition(s)", owned_cnt(&sa));
        CHECK(sa.assigns >= 2, "a had %d assignment(s)", sa.assigns);
        CHECK(sa.errors == 0, "consumer error %s: %s", rd_kafka_err2name(sa.last_err), sa.last_errstr);
        printf("it_consumer_848 fenced: %d assign(s), %d revoke(s), %d lost\n", sa.assigns, sa.revokes, sa.lost);
        CHECK_INT(rd_kafka_consumer_close(a), 0);
        rd_kafka_destroy(a);
}

/* Without a rebalance callback the assignment is applied for the
 * application; a regular expression subscription is matched by the
 * broker. */
static void regex_no_cb(void) {
        char gname[64], errstr[512], re[96];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1), *l;
        rd_kafka_t *rk;
        long long t0;
        int got = 0, i;
        snprintf(gname, sizeof(gname), "it-848-re-%d-%lld", (int)getpid(), (long long)time(NULL));
        /* Our topic only: its name with the last character as a class. */
        snprintf(re, sizeof(re), "^%.*s[%c]", (int)strlen(topic) - 1, topic, topic[strlen(topic) - 1]);
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "group.id", gname, errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "group.protocol", "consumer", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", errstr, sizeof(errstr)), 0);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        if (!rk)
                return;
        rd_kafka_poll_set_consumer(rk);
        rd_kafka_topic_partition_list_add(sub, re, RD_KAFKA_PARTITION_UA);
        CHECK_INT(rd_kafka_subscribe(rk, sub), 0);
        rd_kafka_topic_partition_list_destroy(sub);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 30000 && got < N;) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 50);
                if (!m)
                        continue;
                CHECK(!m->err || m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF, "consumer error %s", rd_kafka_message_errstr(m));
                if (!m->err)
                        got++;
                rd_kafka_message_destroy(m);
        }
        CHECK(got == N, "regex subscription consumed %d of %d messages", got, N);
        CHECK_INT(rd_kafka_assignment(rk, &l), 0);
        CHECK_INT(l->cnt, PARTS);
        for (i = 0; i < l->cnt; i++)
                CHECK_STR(l->elems[i].topic, topic);
        rd_kafka_topic_partition_list_destroy(l);
        printf("it_consumer_848 regex %s without rebalance_cb: %d messages\n", re, got);
        CHECK_INT(rd_kafka_consumer_close(rk), 0);
        rd_kafka_destroy(rk);
}

/* unsubscribe() revokes everything through the callback and leaves;
 * subscribing again brings the partitions back. */
static void resubscribe(void) {
        char gname[64];
        struct mstate sa = {.name = "a"};
        rd_kafka_t *a;
        rd_kafka_topic_partition_list_t *sub;
        long long t0;
        snprintf(gname, sizeof(gname), "it-848-resub-%d-%lld", (int)getpid(), (long long)time(NULL));
        a = member(gname, &sa, NULL);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 20000 && owned_cnt(&sa) < PARTS;)
                poll_one(a, &sa, 50);
        CHECK(owned_cnt(&sa) == PARTS, "a owns %d partition(s)", owned_cnt(&sa));
        CHECK_INT(rd_kafka_unsubscribe(a), 0);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 10000 && owned_cnt(&sa) > 0;)
                poll_one(a, &sa, 50);
        CHECK(owned_cnt(&sa) == 0, "after unsubscribe a owns %d partition(s)", owned_cnt(&sa));
        CHECK_INT(sa.lost, 0);
        sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
        CHECK_INT(rd_kafka_subscribe(a, sub), 0);
        rd_kafka_topic_partition_list_destroy(sub);
        for (t0 = it_now_ms(); it_now_ms() - t0 < 20000 && owned_cnt(&sa) < PARTS;)
                poll_one(a, &sa, 50);
        CHECK(owned_cnt(&sa) == PARTS, "subscribed again, a owns %d partition(s)", owned_cnt(&sa));
        CHECK(sa.errors == 0, "consumer error %s: %s", rd_kafka_err2name(sa.last_err), sa.last_errstr);
        printf("it_consumer_848 resubscribe: %d assign(s), %d revoke(s)\n", sa.assigns, sa.revokes);
        CHECK_INT(rd_kafka_consumer_close(a), 0);
        rd_kafka_destroy(a);
}

/* The broker lacks ConsumerGroupHeartbeat. librdkafka 2.16 finds that out
 * from the coordinator's ApiVersions, marks the coordinator dead with
 * _UNSUPPORTED_FEATURE (a debug message only), and the member then stays
 * outside any group: no assignment, no rebalance callback and no error for
 * the application. */
static void unsupported(void) {
        char gname[64];
        struct mstate sa = {.name = "a"};
        rd_kafka_t *a;
        rd_kafka_topic_partition_list_t *l;
        long long t0;
        int wait = getenv("IT_848_WAIT") ? atoi(getenv("IT_848_WAIT")) : 8000;
        snprintf(gname, sizeof(gname), "it-848-none-%d", (int)getpid());
        produce(0, 10);
        a = member(gname, &sa, NULL);
        for (t0 = it_now_ms(); it_now_ms() - t0 < wait;)
                CHECK(!poll_one(a, &sa, 100), "a message consumed without a group");
        printf("it_consumer_848 on %s: after %d ms: %d consumer error(s) (%s), %d assignment(s)\n", it_broker(), wait, sa.errors,
               sa.errors ? rd_kafka_err2name(sa.last_err) : "-", sa.assigns);
        CHECK(sa.errors == 0, "consumer error %s: %s", rd_kafka_err2name(sa.last_err), sa.last_errstr);
        CHECK_INT(sa.assigns, 0);
        CHECK_INT(sa.revokes, 0);
        CHECK_INT(rd_kafka_assignment(a, &l), 0);
        CHECK_INT(l->cnt, 0);
        rd_kafka_topic_partition_list_destroy(l);
        CHECK_STR(rd_kafka_rebalance_protocol(a), "COOPERATIVE");
        t0 = it_now_ms();
        CHECK_INT(rd_kafka_consumer_close(a), 0);
        CHECK(it_now_ms() - t0 < 5000, "close took %lld ms", it_now_ms() - t0);
        rd_kafka_destroy(a);
}

int main(void) {
        /* Which broker kinds have the KIP-848 coordinator. */
        int has_848 = strcmp(it_broker(), "refmock") && strcmp(it_broker(), "tansu");
        snprintf(topic, sizeof(topic), "it-848-%d-%lld", (int)getpid(), (long long)time(NULL));
        if (it_create_topic(topic, PARTS)) {
                fprintf(stderr, "cannot create topic %s\n", topic);
                return 1;
        }
        if (has_848) {
                supported();
                regex_no_cb();
                resubscribe();
                if (it_is_mock())
                        fenced();
        } else
                unsupported();
        printf("it_consumer_848 on %s: %d check(s) failed\n", it_broker(), tu_failures);
        TEST_DONE();
}
