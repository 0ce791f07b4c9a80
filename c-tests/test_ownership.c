/* Who owns what after a call fails, as rdkafka.h states it, for every
 * function that takes ownership of something on success: the produce
 * calls (payloads with RD_KAFKA_MSG_F_FREE, header lists), the topic and
 * client constructors (configuration objects).
 * On a failed produce the application still owns its headers and its
 * payload and frees them itself; the library must neither free them nor
 * touch them afterwards. Run under valgrind by `make test` (no invalid
 * read or write, no double free, no leak), and on the reference
 * librdkafka with the same expectations:
 *   cc -I build/include c-tests/test_ownership.c -o /tmp/own \
 *      build/reference-librdkafka/librdkafka.so.1 && valgrind /tmp/own */
#include <stdlib.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int drs, dr_errs;

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        drs++;
        if (m->err)
                dr_errs++;
}

/* A producer that never reaches a broker; message.max.bytes is small so
 * that a large value or many headers fail with MSG_SIZE_TOO_LARGE. */
static rd_kafka_t *producer(const char *max_messages) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "message.max.bytes", "1000", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "queue.buffering.max.messages", max_messages, errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof(errstr));
        rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "rd_kafka_new: %s", errstr);
        return rk;
}

static rd_kafka_headers_t *headers(int n) {
        rd_kafka_headers_t *h = rd_kafka_headers_new(4);
        int i;
        for (i = 0; i < n; i++)
                rd_kafka_header_add(h, "name", -1, "value", -1);
        return h;
}

/* A payload the library frees with free() when it takes it (F_FREE). */
static void *payload(size_t len) {
        void *p = malloc(len);
        memset(p, 'x', len);
        return p;
}

static void purge_and_destroy(rd_kafka_t *rk) {
        rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_flush(rk, 2000);
        rd_kafka_destroy(rk);
}

int main(void) {
        char errstr[256];
        rd_kafka_t *rk = producer("100000");
        rd_kafka_headers_t *h;
        rd_kafka_resp_err_t err;
        rd_kafka_error_t *error;
        void *p;
        char big[5000];
        memset(big, 'b', sizeof(big));

        /* producev(): a value larger than message.max.bytes. */
        h = headers(2);
        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("own"), RD_KAFKA_V_VALUE(big, sizeof(big)),
                                RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                RD_KAFKA_V_END);
        CHECK_INT(err, RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
        /* Still the application's list, intact. */
        CHECK_INT(rd_kafka_header_cnt(h), 2);
        rd_kafka_headers_destroy(h);

        /* producev(): the headers alone make the message too large. */
        h = headers(300);
        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("own"), RD_KAFKA_V_VALUE("v", 1),
                                RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_END);
        CHECK_INT(err, RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
        CHECK_INT(rd_kafka_header_cnt(h), 300);
        rd_kafka_headers_destroy(h);

        /* producev(): F_FREE payload and headers, both still the
         * application's after the failure. */
        h = headers(3);
        p = payload(sizeof(big));
        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("own"), RD_KAFKA_V_VALUE(p, sizeof(big)),
                                RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_FREE),
                                RD_KAFKA_V_END);
        CHECK_INT(err, RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
        CHECK(((char *)p)[sizeof(big) - 1] == 'x', "payload overwritten");
        free(p);
        rd_kafka_headers_destroy(h);

        /* produceva(): the same, through the argument array. */
        h = headers(2);
        {
                rd_kafka_vu_t vus[3];
                vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
                vus[0].u.cstr = "own";
                vus[1].vtype = RD_KAFKA_VTYPE_VALUE;
                vus[1].u.mem.ptr = big;
                vus[1].u.mem.size = sizeof(big);
                vus[2].vtype = RD_KAFKA_VTYPE_HEADERS;
                vus[2].u.headers = h;
                error = rd_kafka_produceva(rk, vus, 3);
                CHECK(error != NULL, "produceva should fail");
                CHECK_INT(rd_kafka_error_code(error), RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
                rd_kafka_error_destroy(error);
        }
        CHECK_INT(rd_kafka_header_cnt(h), 2);
        rd_kafka_headers_destroy(h);

        /* produce(): F_FREE payload too large, still the application's. */
        {
                rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, "own", NULL);
                rd_kafka_message_t msgs[3];
                int i, ok;
                p = payload(sizeof(big));
                CHECK_INT(rd_kafka_produce(rkt, 0, RD_KAFKA_MSG_F_FREE, p, sizeof(big), NULL, 0, NULL), -1);
                CHECK_INT(rd_kafka_last_error(), RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
                free(p);

                /* produce_batch(): the failed message keeps its payload,
                 * the accepted ones are the library's. */
                memset(msgs, 0, sizeof(msgs));
                for (i = 0; i < 3; i++) {
                        msgs[i].len = i == 1 ? sizeof(big) : 10;
                        msgs[i].payload = payload(msgs[i].len);
                }
                ok = rd_kafka_produce_batch(rkt, 0, RD_KAFKA_MSG_F_FREE, msgs, 3);
                CHECK_INT(ok, 2);
                CHECK_INT(msgs[0].err, 0);
                CHECK_INT(msgs[1].err, RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
                CHECK_INT(msgs[2].err, 0);
                free(msgs[1].payload);
                rd_kafka_topic_destroy(rkt);
        }

        /* Success: the headers and the F_FREE payload become the
         * library's (freed after the delivery report; valgrind reports a
         * leak or a double free otherwise). */
        h = headers(2);
        p = payload(10);
        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("own"), RD_KAFKA_V_VALUE(p, 10), RD_KAFKA_V_HEADERS(h),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_FREE), RD_KAFKA_V_END);
        CHECK_INT(err, 0);
        purge_and_destroy(rk);
        /* Three accepted messages (two of the batch, one producev), each
         * purged with a report. */
        CHECK_INT(drs, 3);
        CHECK_INT(dr_errs, 3);

        /* A full queue (_QUEUE_FULL): the headers and payload stay the
         * application's. */
        rk = producer("1");
        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("own"), RD_KAFKA_V_VALUE("a", 1), RD_KAFKA_V_END);
        CHECK_INT(err, 0);
        h = headers(2);
        p = payload(10);
        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("own"), RD_KAFKA_V_VALUE(p, 10), RD_KAFKA_V_HEADERS(h),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_FREE), RD_KAFKA_V_END);
        CHECK_INT(err, RD_KAFKA_RESP_ERR__QUEUE_FULL);
        CHECK_INT(rd_kafka_header_cnt(h), 2);
        rd_kafka_headers_destroy(h);
        free(p);
        purge_and_destroy(rk);

        /* rd_kafka_new() failing leaves the configuration with the
         * application, which destroys it. */
        {
                rd_kafka_conf_t *conf = rd_kafka_conf_new();
                CHECK_INT(rd_kafka_conf_set(conf, "group.id", "g", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
                CHECK_INT(rd_kafka_conf_set(conf, "partition.assignment.strategy", "nonexistent", errstr,
                                            sizeof(errstr)), RD_KAFKA_CONF_OK);
                rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
                CHECK(rk == NULL, "rd_kafka_new should fail");
                if (rk)
                        rd_kafka_destroy(rk);
                else
                        rd_kafka_conf_destroy(conf);
        }

        /* rd_kafka_topic_new() takes its topic configuration whether it
         * succeeds or fails (a name longer than 512 bytes fails). */
        {
                char name[600];
                rd_kafka_topic_t *rkt;
                memset(name, 'n', sizeof(name) - 1);
                name[sizeof(name) - 1] = '\0';
                rk = producer("10");
                rkt = rd_kafka_topic_new(rk, name, rd_kafka_topic_conf_new());
                CHECK(rkt == NULL, "topic_new with a 599-byte name should fail");
                CHECK_INT(rd_kafka_last_error(), RD_KAFKA_RESP_ERR__INVALID_ARG);
                rkt = rd_kafka_topic_new(rk, "own", rd_kafka_topic_conf_new());
                CHECK(rkt != NULL, "topic_new");
                rd_kafka_topic_destroy(rkt);
                rd_kafka_destroy(rk);
        }

        TEST_DONE();
}
