/* Configuration API, end to end through the C interface. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

#ifndef FK_PLUGIN_DIR
#define FK_PLUGIN_DIR "."
#endif

static char errstr[512];

/* conf_get into a static buffer; NULL when the property has no value. */
static const char *get(const rd_kafka_conf_t *conf, const char *name) {
        static char buf[1024];
        size_t sz = sizeof(buf);
        if (rd_kafka_conf_get(conf, name, buf, &sz) != RD_KAFKA_CONF_OK)
                return NULL;
        return buf;
}

static const char *tget(const rd_kafka_topic_conf_t *tconf, const char *name) {
        static char buf[1024];
        size_t sz = sizeof(buf);
        if (rd_kafka_topic_conf_get(tconf, name, buf, &sz) != RD_KAFKA_CONF_OK)
                return NULL;
        return buf;
}

static rd_kafka_conf_res_t set(rd_kafka_conf_t *conf, const char *name, const char *value) {
        errstr[0] = '\0';
        return rd_kafka_conf_set(conf, name, value, errstr, sizeof(errstr));
}

static void test_set_get(void) {
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        char buf[8];
        size_t sz;

        CHECK(conf != NULL, "conf_new");
        CHECK_STR(get(conf, "client.id"), "rdkafka");
        CHECK_INT(set(conf, "client.id", "my-client-id"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "client.id"), "my-client-id");

        /* Size protocol. */
        sz = 0;
        CHECK_INT(rd_kafka_conf_get(conf, "client.id", NULL, &sz), RD_KAFKA_CONF_OK);
        CHECK_INT(sz, strlen("my-client-id") + 1);
        sz = sizeof(buf);
        CHECK_INT(rd_kafka_conf_get(conf, "client.id", buf, &sz), RD_KAFKA_CONF_OK);
        CHECK_STR(buf, "my-clie");
        CHECK_INT(sz, strlen("my-client-id") + 1);
        CHECK_INT(rd_kafka_conf_get(conf, "client.id", buf, NULL), RD_KAFKA_CONF_INVALID);

        /* Unknown and unset. */
        CHECK_INT(set(conf, "no.such.prop", "1"), RD_KAFKA_CONF_UNKNOWN);
        CHECK_STR(errstr, "No such configuration property: \"no.such.prop\"");
        sz = sizeof(buf);
        CHECK_INT(rd_kafka_conf_get(conf, "no.such.prop", buf, &sz), RD_KAFKA_CONF_UNKNOWN);
        CHECK(get(conf, "group.id") == NULL, "unset group.id has no value");

        /* Invalid values name the property and what is allowed. */
        CHECK_INT(set(conf, "socket.timeout.ms", "abc"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "socket.timeout.ms");
        CHECK_CONTAINS(errstr, "10..300000");
        CHECK_INT(set(conf, "socket.timeout.ms", "9"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "outside allowed range 10..300000");
        CHECK_INT(set(conf, "socket.timeout.ms", "300001"), RD_KAFKA_CONF_INVALID);
        CHECK_INT(set(conf, "socket.timeout.ms", "300000"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "socket.timeout.ms"), "300000");
        CHECK_INT(set(conf, "enable.auto.commit", "maybe"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "enable.auto.commit");
        CHECK_INT(set(conf, "enable.auto.commit", "FALSE"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "enable.auto.commit"), "false");
        CHECK_INT(set(conf, "security.protocol", "tls"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "plaintext, ssl, sasl_plaintext, sasl_ssl");
        /* TLS and SASL are not there yet: their protocols are refused
         * (fail closed) as a librdkafka built without them refuses ssl,
         * naming the property and the missing feature; the value stays. */
        CHECK_INT(set(conf, "security.protocol", "SSL"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "Unsupported value \"SSL\" for configuration property \"security.protocol\"");
        CHECK_CONTAINS(errstr, "TLS (OpenSSL) is not available");
        CHECK_INT(set(conf, "security.protocol", "sasl_ssl"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "\"security.protocol\"");
        CHECK_CONTAINS(errstr, "not available");
        CHECK_INT(set(conf, "security.protocol", "SASL_PLAINTEXT"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "\"security.protocol\"");
        CHECK_CONTAINS(errstr, "SASL is not available");
        CHECK_STR(get(conf, "security.protocol"), "plaintext");
        CHECK_INT(set(conf, "security.protocol", "PLAINTEXT"), RD_KAFKA_CONF_OK);
        CHECK_INT(set(conf, "dr_msg_cb", "0x1234"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "dedicated");

        /* Aliases read back through their target. */
        CHECK_INT(set(conf, "bootstrap.servers", "b1:9092,b2:9092"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "metadata.broker.list"), "b1:9092,b2:9092");
        CHECK_STR(get(conf, "bootstrap.servers"), "b1:9092,b2:9092");
        CHECK_INT(set(conf, "linger.ms", "12.5"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "queue.buffering.max.ms"), "12.5");

        /* Flags. */
        CHECK_STR(get(conf, "debug"), "");
        CHECK_INT(set(conf, "debug", "broker,topic"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "debug"), "broker,topic");
        CHECK_INT(set(conf, "debug", "all"), RD_KAFKA_CONF_OK);
        CHECK_CONTAINS(get(conf, "debug"), "generic,broker,topic");
        CHECK_INT(set(conf, "debug", "nonsense"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "cgrp");
        CHECK_STR(get(conf, "builtin.features"), "gzip,snappy,regex,lz4,plugins,zstd");
        CHECK_INT(set(conf, "builtin.features", "gzip,lz4,zstd,snappy"), RD_KAFKA_CONF_OK);
        CHECK_INT(set(conf, "builtin.features", "sasl_gssapi"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "Unsupported value \"sasl_gssapi\"");

        /* Empty and NULL values reset strings to their default. */
        CHECK_INT(set(conf, "client.id", ""), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "client.id"), "rdkafka");
        CHECK_INT(set(conf, "client.id", "x"), RD_KAFKA_CONF_OK);
        CHECK_INT(set(conf, "client.id", NULL), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "client.id"), "rdkafka");
        CHECK_INT(set(conf, "session.timeout.ms", NULL), RD_KAFKA_CONF_INVALID);

        /* NULL errstr and NULL arguments. */
        CHECK_INT(rd_kafka_conf_set(conf, "client.id", "y", NULL, 0), RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "nope", "y", NULL, 0), RD_KAFKA_CONF_UNKNOWN);
        CHECK_INT(rd_kafka_conf_set(NULL, "client.id", "y", errstr, sizeof(errstr)), RD_KAFKA_CONF_INVALID);
        CHECK_INT(rd_kafka_conf_set(conf, NULL, "y", errstr, sizeof(errstr)), RD_KAFKA_CONF_INVALID);
        sz = sizeof(buf);
        CHECK_INT(rd_kafka_conf_get(NULL, "client.id", buf, &sz), RD_KAFKA_CONF_INVALID);
        CHECK_INT(rd_kafka_conf_get(conf, NULL, buf, &sz), RD_KAFKA_CONF_INVALID);

        /* Hidden properties applications set. */
        CHECK_INT(set(conf, "client.software.name", "confluent-kafka-python"), RD_KAFKA_CONF_OK);
        CHECK_INT(set(conf, "client.software.version", "2.16.1"), RD_KAFKA_CONF_OK);
        CHECK_INT(set(conf, "test.mock.num.brokers", "3"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "test.mock.num.brokers"), "3");

        /* Topic properties go to the default topic configuration (the
         * unknown property above already made librdkafka create one). */
        CHECK(rd_kafka_conf_get_default_topic_conf(conf) != NULL, "made by the unknown-property fallthrough");
        rd_kafka_conf_destroy(conf);
        conf = rd_kafka_conf_new();
        CHECK(rd_kafka_conf_get_default_topic_conf(conf) == NULL, "no default topic conf yet");
        CHECK_INT(set(conf, "compression.codec", "lz4"), RD_KAFKA_CONF_OK);
        CHECK(rd_kafka_conf_get_default_topic_conf(conf) == NULL, "compression.codec is also global");
        CHECK_INT(set(conf, "acks", "all"), RD_KAFKA_CONF_OK);
        CHECK(rd_kafka_conf_get_default_topic_conf(conf) != NULL, "default topic conf created");
        CHECK_STR(tget(rd_kafka_conf_get_default_topic_conf(conf), "request.required.acks"), "-1");
        CHECK_STR(get(conf, "acks"), "-1");
        CHECK_INT(set(conf, "topic.auto.offset.reset", "earliest"), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "auto.offset.reset"), "smallest");

        rd_kafka_conf_destroy(conf);
        rd_kafka_conf_destroy(NULL);
}

static const char *dump_find(const char **arr, size_t cnt, const char *name) {
        size_t i;
        for (i = 0; i + 1 < cnt; i += 2)
                if (!strcmp(arr[i], name))
                        return arr[i + 1];
        return NULL;
}

static void test_dump_dup(void) {
        rd_kafka_conf_t *conf = rd_kafka_conf_new(), *dup, *filtered;
        rd_kafka_topic_conf_t *tconf;
        const char **arr;
        size_t cnt;

        set(conf, "client.id", "dumper");
        set(conf, "sasl.username", "alice");
        set(conf, "sasl.password", "secret");
        set(conf, "message.timeout.ms", "1234");

        arr = rd_kafka_conf_dump(conf, &cnt);
        CHECK(arr != NULL && cnt > 100 && cnt % 2 == 0, "dump of %d entries", (int)cnt);
        CHECK_STR(arr[0], "builtin.features");
        CHECK_STR(dump_find(arr, cnt, "client.id"), "dumper");
        CHECK_STR(dump_find(arr, cnt, "sasl.password"), "secret");
        CHECK(dump_find(arr, cnt, "group.id") == NULL, "unset properties are not dumped");
        CHECK(dump_find(arr, cnt, "bootstrap.servers") == NULL, "aliases are not dumped");
        CHECK(dump_find(arr, cnt, "message.timeout.ms") == NULL, "topic properties are not in the global dump");
        rd_kafka_conf_dump_free(arr, cnt);

        tconf = rd_kafka_conf_get_default_topic_conf(conf);
        arr = rd_kafka_topic_conf_dump(tconf, &cnt);
        CHECK_STR(dump_find(arr, cnt, "message.timeout.ms"), "1234");
        CHECK_STR(dump_find(arr, cnt, "partitioner"), "consistent_random");
        rd_kafka_conf_dump_free(arr, cnt);

        dup = rd_kafka_conf_dup(conf);
        CHECK_STR(get(dup, "client.id"), "dumper");
        CHECK_STR(get(dup, "sasl.username"), "alice");
        CHECK(rd_kafka_conf_get_default_topic_conf(dup) != tconf, "topic conf copied, not shared");
        CHECK_STR(tget(rd_kafka_conf_get_default_topic_conf(dup), "message.timeout.ms"), "1234");
        rd_kafka_conf_destroy(dup);

        {
                const char *filter[] = {"sasl.", "default_topic_conf"};
                filtered = rd_kafka_conf_dup_filter(conf, 2, filter);
        }
        CHECK_STR(get(filtered, "client.id"), "dumper");
        CHECK(get(filtered, "sasl.username") == NULL, "filtered out");
        CHECK(get(filtered, "sasl.password") == NULL, "filtered out");
        CHECK(rd_kafka_conf_get_default_topic_conf(filtered) == NULL, "filtered out");
        rd_kafka_conf_destroy(filtered);

        rd_kafka_conf_destroy(conf);
}

static int socket_cb(int domain, int type, int protocol, void *opaque) {
        (void)domain, (void)type, (void)protocol, (void)opaque;
        return -1;
}

static void log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
        (void)rk, (void)level, (void)fac, (void)buf;
}
static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk, (void)m, (void)opaque;
}
static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
        (void)rk, (void)err, (void)reason, (void)opaque;
}
static int stats_cb(rd_kafka_t *rk, char *json, size_t len, void *opaque) {
        (void)rk, (void)json, (void)len, (void)opaque;
        return 0;
}
static int verify_cb(rd_kafka_t *rk, const char *broker, int32_t id, int *err, int depth, const char *buf,
                     size_t size, char *es, size_t es_size, void *opaque) {
        (void)rk, (void)broker, (void)id, (void)err, (void)depth, (void)buf, (void)size, (void)es,
            (void)es_size, (void)opaque;
        return 1;
}
static int32_t partitioner(const rd_kafka_topic_t *rkt, const void *key, size_t keylen, int32_t cnt,
                           void *rkt_opaque, void *msg_opaque) {
        (void)rkt, (void)key, (void)keylen, (void)rkt_opaque, (void)msg_opaque;
        return cnt - 1;
}

static const char PEM_CERT[] =
    "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";

static void test_callbacks(void) {
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        int opaque_target;
        char ptrbuf[32];

        CHECK(get(conf, "log_cb") != NULL, "log_cb has a default");
        rd_kafka_conf_set_log_cb(conf, NULL);
        CHECK(get(conf, "log_cb") == NULL, "log_cb cleared");
        rd_kafka_conf_set_log_cb(conf, log_cb);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_msg_cb);
        rd_kafka_conf_set_error_cb(conf, error_cb);
        rd_kafka_conf_set_stats_cb(conf, stats_cb);
        rd_kafka_conf_set_dr_cb(conf, NULL);
        rd_kafka_conf_set_consume_cb(conf, NULL);
        rd_kafka_conf_set_rebalance_cb(conf, NULL);
        rd_kafka_conf_set_offset_commit_cb(conf, NULL);
        rd_kafka_conf_set_throttle_cb(conf, NULL);
        rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf, NULL);
        rd_kafka_conf_set_background_event_cb(conf, NULL);
        rd_kafka_conf_set_socket_cb(conf, socket_cb);
        rd_kafka_conf_set_connect_cb(conf, NULL);
        rd_kafka_conf_set_closesocket_cb(conf, NULL);
        rd_kafka_conf_set_open_cb(conf, NULL);
        rd_kafka_conf_set_resolve_cb(conf, NULL);
        CHECK_INT(rd_kafka_conf_set_ssl_cert_verify_cb(conf, verify_cb), RD_KAFKA_CONF_OK);
        rd_kafka_conf_set_opaque(conf, &opaque_target);
        rd_kafka_conf_set_engine_callback_data(conf, &opaque_target);
        rd_kafka_conf_set_events(conf, RD_KAFKA_EVENT_DR | RD_KAFKA_EVENT_ERROR);
        rd_kafka_conf_enable_sasl_queue(conf, 1);

        snprintf(ptrbuf, sizeof(ptrbuf), "%p", (void *)&opaque_target);
        CHECK_STR(get(conf, "opaque"), ptrbuf);
        CHECK_STR(get(conf, "ssl_engine_callback_data"), ptrbuf);
        CHECK(get(conf, "dr_msg_cb") != NULL, "dr_msg_cb set");
        CHECK(get(conf, "ssl.certificate.verify_cb") != NULL, "verify cb set");
        CHECK(get(conf, "dr_cb") == NULL, "dr_cb NULL");
        CHECK_STR(get(conf, "enabled_events"), "9");

        /* In-memory certificates. */
        CHECK_INT(rd_kafka_conf_set_ssl_cert(conf, RD_KAFKA_CERT_CA, RD_KAFKA_CERT_ENC_PEM, PEM_CERT,
                                             strlen(PEM_CERT), errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set_ssl_cert(conf, RD_KAFKA_CERT_PRIVATE_KEY, RD_KAFKA_CERT_ENC_PEM, PEM_CERT,
                                             strlen(PEM_CERT), errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "PRIVATE KEY");
        CHECK_INT(rd_kafka_conf_set_ssl_cert(conf, RD_KAFKA_CERT_PUBLIC_KEY, RD_KAFKA_CERT_ENC_DER, "junk", 4,
                                             errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_INVALID);
        CHECK_INT(rd_kafka_conf_set_ssl_cert(conf, (rd_kafka_cert_type_t)7, RD_KAFKA_CERT_ENC_PEM, PEM_CERT,
                                             strlen(PEM_CERT), errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "Invalid certificate type 7");
        CHECK_INT(rd_kafka_conf_set_ssl_cert(conf, RD_KAFKA_CERT_CA, RD_KAFKA_CERT_ENC_PEM, NULL, 0, NULL, 0),
                  RD_KAFKA_CONF_OK);

        {
                rd_kafka_conf_t *dup = rd_kafka_conf_dup(conf);
                CHECK_STR(get(dup, "opaque"), ptrbuf);
                CHECK_STR(get(dup, "enabled_events"), "9");
                rd_kafka_conf_destroy(dup);
        }

        /* NULL objects are ignored. */
        rd_kafka_conf_set_opaque(NULL, NULL);
        rd_kafka_conf_set_events(NULL, 0);
        rd_kafka_conf_destroy(conf);
}

static void test_topic_conf(void) {
        rd_kafka_topic_conf_t *tconf = rd_kafka_topic_conf_new(), *dup;
        rd_kafka_conf_t *conf;
        int opaque;
        char ptrbuf[32];

        CHECK_STR(tget(tconf, "partitioner"), "consistent_random");
        CHECK_INT(rd_kafka_topic_conf_set(tconf, "partitioner", "murmur2", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_topic_conf_set(tconf, "partitioner", "nope", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_INVALID);
        CHECK_INT(rd_kafka_topic_conf_set(tconf, "topic.acks", "1", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        CHECK_STR(tget(tconf, "request.required.acks"), "1");
        CHECK_INT(rd_kafka_topic_conf_set(tconf, "delivery.timeout.ms", "4321", NULL, 0), RD_KAFKA_CONF_OK);
        CHECK_STR(tget(tconf, "message.timeout.ms"), "4321");
        CHECK_INT(rd_kafka_topic_conf_set(tconf, "compression.type", "inherit", NULL, 0), RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_topic_conf_set(tconf, "client.id", "x", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_UNKNOWN);
        CHECK_STR(errstr, "No such configuration property: \"client.id\"");
        CHECK_INT(rd_kafka_topic_conf_set(tconf, "partitioner_cb", "x", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_INVALID);

        rd_kafka_topic_conf_set_partitioner_cb(tconf, partitioner);
        rd_kafka_topic_conf_set_msg_order_cmp(tconf, NULL);
        rd_kafka_topic_conf_set_opaque(tconf, &opaque);
        snprintf(ptrbuf, sizeof(ptrbuf), "%p", (void *)&opaque);
        CHECK_STR(tget(tconf, "opaque"), ptrbuf);
        CHECK(tget(tconf, "partitioner_cb") != NULL, "partitioner set");

        dup = rd_kafka_topic_conf_dup(tconf);
        CHECK_STR(tget(dup, "partitioner"), "murmur2");
        CHECK_STR(tget(dup, "opaque"), ptrbuf);
        CHECK_STR(tget(dup, "message.timeout.ms"), "4321");
        rd_kafka_topic_conf_destroy(dup);

        /* The global conf takes ownership of a default topic conf. */
        conf = rd_kafka_conf_new();
        set(conf, "acks", "0");
        rd_kafka_conf_set_default_topic_conf(conf, tconf);
        CHECK(rd_kafka_conf_get_default_topic_conf(conf) == tconf, "same object");
        CHECK_STR(get(conf, "acks"), "1");
        snprintf(ptrbuf, sizeof(ptrbuf), "%p", (void *)tconf);
        CHECK_STR(get(conf, "default_topic_conf"), ptrbuf);
        rd_kafka_conf_destroy(conf);

        rd_kafka_topic_conf_destroy(NULL);
}

static void test_properties_show(void) {
        FILE *fp = tmpfile();
        long len;
        char *text;

        rd_kafka_conf_properties_show(fp);
        len = ftell(fp);
        CHECK(len > 10000, "properties_show wrote %ld bytes", len);
        text = calloc(1, (size_t)len + 1);
        rewind(fp);
        CHECK(fread(text, 1, (size_t)len, fp) == (size_t)len, "read back");
        fclose(fp);
        CHECK_CONTAINS(text, "## Global configuration properties");
        CHECK_CONTAINS(text, "## Topic configuration properties");
        CHECK_CONTAINS(text, "Property                                 | C/P | Range");
        CHECK_CONTAINS(text, "bootstrap.servers                        |  *  |");
        CHECK_CONTAINS(text, "Alias for `metadata.broker.list`");
        CHECK_CONTAINS(text, "socket.timeout.ms                        |  *  | 10 .. 300000    |         60000");
        CHECK_CONTAINS(text, "### C/P legend: C = Consumer, P = Producer, * = both");
        CHECK(!strstr(text, "client.software.name"), "hidden properties are not shown");
        free(text);
        rd_kafka_conf_properties_show(NULL);
}

/* --- Interceptors ------------------------------------------------------- */

static int ic_set_calls, ic_dup_calls, ic_destroy_calls;

static rd_kafka_conf_res_t ic_on_conf_set(rd_kafka_conf_t *conf, const char *name, const char *val,
                                          char *es, size_t es_size, void *opaque) {
        (void)conf, (void)opaque;
        ic_set_calls++;
        if (!strcmp(name, "myic.threshold")) {
                if (!val || atoi(val) <= 0) {
                        snprintf(es, es_size, "myic.threshold must be positive");
                        return RD_KAFKA_CONF_INVALID;
                }
                return RD_KAFKA_CONF_OK;
        }
        return RD_KAFKA_CONF_UNKNOWN;
}

static rd_kafka_resp_err_t ic_on_conf_destroy(void *opaque) {
        (void)opaque;
        ic_destroy_calls++;
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t ic_on_conf_dup(rd_kafka_conf_t *new_conf, const rd_kafka_conf_t *old_conf,
                                          size_t filter_cnt, const char **filter, void *opaque) {
        (void)old_conf, (void)filter_cnt, (void)filter;
        ic_dup_calls++;
        rd_kafka_conf_interceptor_add_on_conf_set(new_conf, "myic", ic_on_conf_set, opaque);
        rd_kafka_conf_interceptor_add_on_conf_destroy(new_conf, "myic", ic_on_conf_destroy, opaque);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t ic_on_new(rd_kafka_t *rk, const rd_kafka_conf_t *conf, void *opaque, char *es,
                                     size_t es_size) {
        (void)rk, (void)conf, (void)opaque, (void)es, (void)es_size;
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static void test_interceptors(void) {
        rd_kafka_conf_t *conf = rd_kafka_conf_new(), *dup, *filtered;

        CHECK_INT(rd_kafka_conf_interceptor_add_on_conf_set(conf, "myic", ic_on_conf_set, NULL),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_conf_set(conf, "myic", ic_on_conf_set, NULL),
                  RD_KAFKA_RESP_ERR__CONFLICT);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_conf_dup(conf, "myic", ic_on_conf_dup, NULL),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_conf_dup(conf, "myic", ic_on_conf_dup, NULL),
                  RD_KAFKA_RESP_ERR__CONFLICT);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_conf_destroy(conf, "myic", ic_on_conf_destroy, NULL),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_new(conf, "myic", ic_on_new, NULL),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_new(conf, "myic", ic_on_new, NULL),
                  RD_KAFKA_RESP_ERR__CONFLICT);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_new(conf, "other", ic_on_new, NULL),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_new(NULL, "x", ic_on_new, NULL),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(rd_kafka_conf_interceptor_add_on_new(conf, NULL, ic_on_new, NULL),
                  RD_KAFKA_RESP_ERR__INVALID_ARG);

        /* The interceptor sees properties first and may handle unknown ones. */
        CHECK_INT(set(conf, "myic.threshold", "10"), RD_KAFKA_CONF_OK);
        CHECK_INT(set(conf, "myic.threshold", "-1"), RD_KAFKA_CONF_INVALID);
        CHECK_STR(errstr, "myic.threshold must be positive");
        ic_set_calls = 0;
        CHECK_INT(set(conf, "client.id", "ic"), RD_KAFKA_CONF_OK);
        CHECK(ic_set_calls >= 1, "on_conf_set called for known properties too");
        CHECK_INT(set(conf, "myic.unknown", "1"), RD_KAFKA_CONF_UNKNOWN);

        /* dup: on_conf_dup re-registers; the accepted value is applied again. */
        ic_set_calls = 0;
        dup = rd_kafka_conf_dup(conf);
        CHECK_INT(ic_dup_calls, 1);
        CHECK(ic_set_calls >= 1, "interceptor config re-applied on the copy");
        CHECK_STR(get(dup, "client.id"), "ic");
        CHECK_INT(set(dup, "myic.threshold", "-5"), RD_KAFKA_CONF_INVALID);
        {
                const char *filter[] = {"myic."};
                filtered = rd_kafka_conf_dup_filter(conf, 1, filter);
        }
        CHECK_INT(ic_dup_calls, 2);

        rd_kafka_conf_destroy(conf);
        CHECK_INT(ic_destroy_calls, 1);
        rd_kafka_conf_destroy(dup);
        rd_kafka_conf_destroy(filtered);
        CHECK_INT(ic_destroy_calls, 3);
}

static void test_plugins(void) {
        rd_kafka_conf_t *conf = rd_kafka_conf_new(), *dup;
        const char *path = FK_PLUGIN_DIR "/libfk_conftest_plugin";

        CHECK_CONTAINS(get(conf, "builtin.features"), "plugins");
        CHECK_INT(set(conf, "conftest.plugin.value", "1"), RD_KAFKA_CONF_UNKNOWN);
        /* The .so suffix is added when missing. */
        CHECK_INT(set(conf, "plugin.library.paths", path), RD_KAFKA_CONF_OK);
        CHECK_STR(get(conf, "plugin.library.paths"), path);
        CHECK_STR(get(conf, "client.rack"), "plugin-rack");
        CHECK_INT(set(conf, "conftest.plugin.value", "42"), RD_KAFKA_CONF_OK);
        CHECK_INT(set(conf, "conftest.plugin.value", NULL), RD_KAFKA_CONF_INVALID);
        CHECK_STR(errstr, "conftest.plugin.value: bad value");

        /* The copy loads the plugin again and re-applies its property. */
        dup = rd_kafka_conf_dup(conf);
        CHECK_STR(get(dup, "client.rack"), "plugin-rack");
        CHECK_INT(set(dup, "conftest.plugin.value", "43"), RD_KAFKA_CONF_OK);
        rd_kafka_conf_destroy(dup);
        rd_kafka_conf_destroy(conf);

        conf = rd_kafka_conf_new();
        CHECK_INT(set(conf, "plugin.library.paths", FK_PLUGIN_DIR "/libdoes_not_exist"), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "dlopen");
        CHECK_CONTAINS(errstr, "(plugin " FK_PLUGIN_DIR "/libdoes_not_exist)");
        setenv("FK_CONFTEST_PLUGIN_FAIL", "1", 1);
        CHECK_INT(set(conf, "plugin.library.paths", path), RD_KAFKA_CONF_INVALID);
        CHECK_CONTAINS(errstr, "conftest plugin refuses to load");
        unsetenv("FK_CONFTEST_PLUGIN_FAIL");
        CHECK_INT(set(conf, "conftest.plugin.value", "1"), RD_KAFKA_CONF_UNKNOWN);
        rd_kafka_conf_destroy(conf);
}

int main(void) {
        test_set_get();
        test_dump_dup();
        test_callbacks();
        test_topic_conf();
        test_properties_show();
        test_interceptors();
        test_plugins();
        TEST_DONE();
}
