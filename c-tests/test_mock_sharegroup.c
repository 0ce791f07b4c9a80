/* The share group functions of the mock cluster API (rdkafka_mock.h):
 * setters, rd_kafka_mock_sharegroup_get_member_ids() and
 * rd_kafka_mock_sharegroup_target_assignment(), NULL arguments. Members
 * are made with raw ShareGroupHeartbeat v1 requests over TCP (our library
 * has no share consumer). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include "testutil.h"

static int connect_bootstrap(const char *bootstraps) {
        const char *colon = strchr(bootstraps, ':');
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in sin = {.sin_family = AF_INET};
        struct timeval tv = {.tv_sec = 5};
        sin.sin_port = htons((uint16_t)atoi(colon + 1));
        sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        if (connect(fd, (struct sockaddr *)&sin, sizeof(sin))) {
                close(fd);
                return -1;
        }
        return fd;
}

struct buf {
        unsigned char d[1024];
        size_t n;
};

static void put(struct buf *b, const void *p, size_t n) {
        memcpy(b->d + b->n, p, n);
        b->n += n;
}
static void put8(struct buf *b, uint8_t v) { put(b, &v, 1); }
static void put16(struct buf *b, int16_t v) {
        uint16_t x = htons((uint16_t)v);
        put(b, &x, 2);
}
static void put32(struct buf *b, int32_t v) {
        uint32_t x = htonl((uint32_t)v);
        put(b, &x, 4);
}
/* Compact string (short strings: one-byte length). */
static void putcs(struct buf *b, const char *s) {
        put8(b, (uint8_t)(strlen(s) + 1));
        put(b, s, strlen(s));
}

static int read_full(int fd, unsigned char *p, size_t n) {
        while (n) {
                ssize_t r = read(fd, p, n);
                if (r <= 0)
                        return -1;
                p += r;
                n -= (size_t)r;
        }
        return 0;
}

struct hb_result {
        int16_t err;
        int32_t epoch;
        int parts; /* partitions in the assignment, -1: no assignment */
};

/* ShareGroupHeartbeat v1; topic NULL: no subscription change. */
static struct hb_result heartbeat(int fd, const char *group, const char *member, int32_t epoch,
                                  const char *topic) {
        static int32_t corr = 1;
        struct buf b = {.n = 4};
        struct hb_result res = {.err = -1, .epoch = -1, .parts = -1};
        unsigned char hdr[4], resp[1024];
        uint32_t len;
        size_t o;
        put16(&b, 76);
        put16(&b, 1);
        put32(&b, corr++);
        put16(&b, -1); /* client id */
        put8(&b, 0);   /* header tags */
        putcs(&b, group);
        putcs(&b, member);
        put32(&b, epoch);
        put8(&b, 0); /* rack: null */
        if (topic) {
                put8(&b, 2);
                putcs(&b, topic);
        } else
                put8(&b, 0); /* null: unchanged */
        put8(&b, 0);
        len = htonl((uint32_t)(b.n - 4));
        memcpy(b.d, &len, 4);
        if (write(fd, b.d, b.n) != (ssize_t)b.n || read_full(fd, hdr, 4))
                return res;
        memcpy(&len, hdr, 4);
        len = ntohl(len);
        if (len > sizeof(resp) || read_full(fd, resp, len))
                return res;
        o = 4 + 1 + 4; /* corr, header tags, throttle */
        res.err = (int16_t)((resp[o] << 8) | resp[o + 1]);
        o += 2;
        if (resp[o]) /* error message */
                o += resp[o] - 1;
        o++;
        if (resp[o]) /* member id */
                o += resp[o] - 1;
        o++;
        res.epoch = (int32_t)ntohl(*(uint32_t *)(resp + o));
        o += 8; /* epoch, heartbeat interval */
        if (resp[o] == 1) {
                int topics = resp[o + 1] - 1, t;
                o += 2;
                res.parts = 0;
                for (t = 0; t < topics; t++) {
                        int n = resp[o + 16] - 1;
                        res.parts += n;
                        o += 16 + 1 + 4 * n + 1;
                }
        }
        return res;
}

static void free_ids(char **ids, size_t cnt) {
        for (size_t i = 0; i < cnt; i++)
                free(ids[i]);
        free(ids);
}

int main(void) {
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(NULL, 1);
        char **ids = (char **)1;
        size_t cnt = 99;
        rd_kafka_resp_err_t err;
        struct hb_result a, b;
        int fd;

        CHECK(mc != NULL, "cluster");
        if (!mc)
                return 1;
        CHECK_INT(rd_kafka_mock_topic_create(mc, "st", 4, 1), 0);

        /* NULL clusters are ignored by the setters. */
        rd_kafka_mock_sharegroup_set_session_timeout(NULL, 1000);
        rd_kafka_mock_sharegroup_set_heartbeat_interval(NULL, 1000);
        rd_kafka_mock_sharegroup_set_max_delivery_attempts(NULL, 1);
        rd_kafka_mock_sharegroup_set_record_lock_duration(NULL, 1);
        rd_kafka_mock_sharegroup_set_isolation_level(NULL, 1);
        rd_kafka_mock_sharegroup_set_max_size(NULL, 1);
        rd_kafka_mock_sharegroup_set_max_fetch_sessions(NULL, 1);
        rd_kafka_mock_sharegroup_set_max_record_locks(NULL, 1);
        rd_kafka_mock_sharegroup_set_auto_offset_reset(NULL, 1);
        rd_kafka_mock_sharegroup_target_assignment(NULL, "g", NULL, NULL, 0);
        rd_kafka_mock_sharegroup_target_assignment(mc, NULL, NULL, NULL, 0);
        rd_kafka_mock_sharegroup_target_assignment(mc, "g", NULL, NULL, 3);
        /* Unknown group: nothing happens. */
        rd_kafka_mock_sharegroup_target_assignment(mc, "nosuchgroup", NULL, NULL, 0);

        /* get_member_ids: unknown group and NULL arguments. */
        err = rd_kafka_mock_sharegroup_get_member_ids(mc, "nosuchgroup", &ids, &cnt);
        CHECK_INT(err, RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND);
        CHECK(ids == NULL, "ids not NULL");
        CHECK_INT(cnt, 0);
        CHECK_INT(rd_kafka_mock_sharegroup_get_member_ids(NULL, "g", &ids, &cnt),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_sharegroup_get_member_ids(mc, NULL, &ids, &cnt),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_sharegroup_get_member_ids(mc, "g", NULL, &cnt),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_mock_sharegroup_get_member_ids(mc, "g", &ids, NULL),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);

        /* Settings that the raw client can observe. */
        rd_kafka_mock_sharegroup_set_heartbeat_interval(mc, 1234);
        rd_kafka_mock_sharegroup_set_max_size(mc, 2);

        fd = connect_bootstrap(rd_kafka_mock_cluster_bootstraps(mc));
        CHECK(fd >= 0, "connect");
        if (fd < 0)
                return 1;
        a = heartbeat(fd, "g", "member-a", 0, "st");
        CHECK_INT(a.err, 0);
        CHECK_INT(a.parts, 4);
        b = heartbeat(fd, "g", "member-b", 0, "st");
        CHECK_INT(b.err, 0);
        CHECK_INT(b.parts, 2);
        /* The group is full. */
        CHECK_INT(heartbeat(fd, "g", "member-c", 0, "st").err, RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED);
        /* member-a gets its half. */
        a = heartbeat(fd, "g", "member-a", a.epoch, NULL);
        CHECK_INT(a.err, 0);
        CHECK_INT(a.parts, 2);
        /* Stale epoch. */
        CHECK_INT(heartbeat(fd, "g", "member-a", a.epoch - 1, NULL).err,
                  RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH);

        err = rd_kafka_mock_sharegroup_get_member_ids(mc, "g", &ids, &cnt);
        CHECK_INT(err, 0);
        CHECK_INT(cnt, 2);
        if (!err && cnt == 2) {
                CHECK(!strcmp(ids[0], "member-a") || !strcmp(ids[1], "member-a"), "member-a");
                CHECK(!strcmp(ids[0], "member-b") || !strcmp(ids[1], "member-b"), "member-b");
                free_ids(ids, cnt);
        }

        /* Target assignment: member-a gets everything, member-b nothing. */
        {
                rd_kafka_topic_partition_list_t *ta = rd_kafka_topic_partition_list_new(4);
                rd_kafka_topic_partition_list_t *tb = rd_kafka_topic_partition_list_new(0);
                rd_kafka_topic_partition_list_t *lists[2] = {ta, tb};
                const char *members[2] = {"member-a", "member-b"};
                for (int p = 0; p < 4; p++)
                        rd_kafka_topic_partition_list_add(ta, "st", p);
                rd_kafka_mock_sharegroup_target_assignment(mc, "g", members, lists, 2);
                rd_kafka_topic_partition_list_destroy(ta);
                rd_kafka_topic_partition_list_destroy(tb);
        }
        a = heartbeat(fd, "g", "member-a", a.epoch, NULL);
        CHECK_INT(a.err, 0);
        CHECK_INT(a.parts, 4);
        b = heartbeat(fd, "g", "member-b", b.epoch, NULL);
        CHECK_INT(b.err, 0);
        CHECK_INT(b.parts, 0);

        /* Leaving empties the group; get_member_ids then gives NULL, 0. */
        CHECK_INT(heartbeat(fd, "g", "member-a", -1, NULL).err, 0);
        CHECK_INT(heartbeat(fd, "g", "member-b", -1, NULL).err, 0);
        ids = (char **)1;
        err = rd_kafka_mock_sharegroup_get_member_ids(mc, "g", &ids, &cnt);
        CHECK_INT(err, 0);
        CHECK_INT(cnt, 0);
        CHECK(ids == NULL, "ids of an empty group");

        close(fd);
        rd_kafka_mock_cluster_destroy(mc);
        TEST_DONE();
}
