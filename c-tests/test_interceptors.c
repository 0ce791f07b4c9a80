/* Client interceptors registered from an on_new interceptor: on_new,
 * on_thread_start/exit and on_destroy are called, duplicates conflict. */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int news, starts, exits, destroys, states;

static rd_kafka_resp_err_t on_thread_start(rd_kafka_t *rk, rd_kafka_thread_type_t type,
                                           const char *name, void *opaque) {
        (void)rk; (void)opaque;
        if (type == RD_KAFKA_THREAD_MAIN && name && name[0])
                __atomic_add_fetch(&starts, 1, __ATOMIC_SEQ_CST);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t on_thread_exit(rd_kafka_t *rk, rd_kafka_thread_type_t type,
                                          const char *name, void *opaque) {
        (void)rk; (void)type; (void)name; (void)opaque;
        __atomic_add_fetch(&exits, 1, __ATOMIC_SEQ_CST);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t on_destroy(rd_kafka_t *rk, void *opaque) {
        (void)rk;
        CHECK(opaque == &destroys, "opaque");
        destroys++;
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t on_broker_state(rd_kafka_t *rk, int32_t id, const char *secproto,
                                           const char *name, int port, const char *state,
                                           void *opaque) {
        (void)rk; (void)id; (void)secproto; (void)name; (void)port; (void)state; (void)opaque;
        __atomic_add_fetch(&states, 1, __ATOMIC_SEQ_CST);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static int sends, acks;
static rd_kafka_resp_err_t on_send(rd_kafka_t *rk, rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        CHECK(m->len == 5 && !memcmp(m->payload, "hello", 5), "on_send payload");
        __atomic_add_fetch(&sends, 1, __ATOMIC_SEQ_CST);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t on_ack(rd_kafka_t *rk, rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        CHECK_INT(m->err, RD_KAFKA_RESP_ERR__PURGE_QUEUE);
        __atomic_add_fetch(&acks, 1, __ATOMIC_SEQ_CST);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t on_new(rd_kafka_t *rk, const rd_kafka_conf_t *conf, void *opaque,
                                  char *errstr, size_t errstr_size) {
        (void)conf; (void)opaque; (void)errstr; (void)errstr_size;
        news++;
        CHECK_INT(rd_kafka_interceptor_add_on_thread_start(rk, "t", on_thread_start, NULL), 0);
        CHECK_INT(rd_kafka_interceptor_add_on_thread_exit(rk, "t", on_thread_exit, NULL), 0);
        CHECK_INT(rd_kafka_interceptor_add_on_destroy(rk, "t", on_destroy, &destroys), 0);
        CHECK_INT(rd_kafka_interceptor_add_on_destroy(rk, "t", on_destroy, &destroys),
                  RD_KAFKA_RESP_ERR__CONFLICT);
        CHECK_INT(rd_kafka_interceptor_add_on_broker_state_change(rk, "t", on_broker_state, NULL), 0);
        CHECK_INT(rd_kafka_interceptor_add_on_send(rk, "t", on_send, NULL), 0);
        CHECK_INT(rd_kafka_interceptor_add_on_acknowledgement(rk, "t", on_ack, NULL), 0);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

int main(void) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        CHECK_INT(rd_kafka_conf_interceptor_add_on_new(conf, "t", on_new, NULL), 0);
        /* Port 1 on loopback refuses connections: the broker goes through
         * connection states without a real broker. */
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_OK);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        CHECK_INT(news, 1);
        rd_kafka_poll(rk, 500);
        CHECK_INT(__atomic_load_n(&starts, __ATOMIC_SEQ_CST), 1);
        CHECK(__atomic_load_n(&states, __ATOMIC_SEQ_CST) >= 2, "%d state changes", states);
        /* on_send when producing, on_acknowledgement when the outcome is
         * known (here: purged). */
        CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("hello", 5),
                                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END), 0);
        CHECK_INT(sends, 1);
        CHECK_INT(rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE), 0);
        CHECK_INT(__atomic_load_n(&acks, __ATOMIC_SEQ_CST), 1);
        rd_kafka_destroy(rk);
        CHECK_INT(destroys, 1);
        CHECK_INT(exits, 1);
        TEST_DONE();
}
