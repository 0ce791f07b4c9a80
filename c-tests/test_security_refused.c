/* Fail closed: no client is created with a security setting it cannot
 * honour. ferrokafka has no TLS or SASL yet, so `security.protocol` ssl,
 * sasl_ssl and sasl_plaintext are refused by rd_kafka_conf_set() with
 * RD_KAFKA_CONF_INVALID and a message naming the property and the missing
 * feature, as a librdkafka built without OpenSSL refuses ssl (it used to
 * accept them and send everything in clear text). What librdkafka itself
 * refuses at rd_kafka_new() is refused too: an unknown SASL mechanism, TLS
 * files that do not exist, an unknown or mixed partition.assignment.strategy.
 * The same program runs on librdkafka 2.16 (which has TLS and SASL), where
 * each case fails at rd_kafka_new() instead:
 *   cc -I build/include c-tests/test_security_refused.c -o /tmp/sr \
 *      build/reference-librdkafka/librdkafka.so.1 && /tmp/sr */
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int ferro;

/* Sets the pairs in order, then creates a client of `type`. Returns the
 * index of the pair conf_set refused (0-based), -1 if rd_kafka_new()
 * refused, or -2 if a client was created (destroyed at once). `errstr`
 * gets the refusal. */
static int create(rd_kafka_type_t type, const char **kv, char *errstr, size_t size) {
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        int i;
        rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, size);
        rd_kafka_conf_set(conf, "log_level", "0", errstr, size);
        for (i = 0; kv[2 * i]; i++) {
                memset(errstr, 'X', size - 1);
                errstr[size - 1] = '\0';
                if (rd_kafka_conf_set(conf, kv[2 * i], kv[2 * i + 1], errstr, size) != RD_KAFKA_CONF_OK) {
                        rd_kafka_conf_destroy(conf);
                        return i;
                }
        }
        memset(errstr, 'X', size - 1);
        errstr[size - 1] = '\0';
        rk = rd_kafka_new(type, conf, errstr, size);
        if (rk) {
                rd_kafka_destroy(rk);
                return -2;
        }
        rd_kafka_conf_destroy(conf);
        CHECK_INT(rd_kafka_last_error(), RD_KAFKA_RESP_ERR__INVALID_ARG);
        return -1;
}

/* A protocol this build lacks: refused when set on ferrokafka; on the
 * reference, `refused_by_reference` says whether rd_kafka_new() fails. */
static void protocol(const char *value, const char *feature, const char **extra, int refused_by_reference) {
        const char *kv[16] = {"security.protocol", value};
        char errstr[512], want[256];
        int i, r;
        for (i = 0; extra && extra[i]; i++)
                kv[2 + i] = extra[i];
        r = create(RD_KAFKA_PRODUCER, kv, errstr, sizeof(errstr));
        if (ferro) {
                CHECK(r == 0, "security.protocol=%s: %d (%.80s)", value, r, errstr);
                snprintf(want, sizeof(want), "Unsupported value \"%s\" for configuration property \"security.protocol\"", value);
                CHECK_CONTAINS(errstr, want);
                CHECK_CONTAINS(errstr, feature);
                CHECK_CONTAINS(errstr, "not available");
        } else {
                CHECK(r == (refused_by_reference ? -1 : -2), "reference, security.protocol=%s: %d (%.80s)", value, r, errstr);
        }
}

/* Refused by both libraries at rd_kafka_new() (ferrokafka: at conf_set
 * when the protocol itself is one it lacks), with `msg` in errstr where
 * the refusal is rd_kafka_new()'s. */
static void refused(rd_kafka_type_t type, const char **kv, const char *msg) {
        char errstr[512];
        int r = create(type, kv, errstr, sizeof(errstr));
        CHECK(r != -2, "a client was created with %s=%s", kv[0], kv[1]);
        if (r == -1 && msg)
                CHECK_CONTAINS(errstr, msg);
        CHECK(!strchr(errstr, 'X') || strchr(errstr, '\0') < strchr(errstr, 'X'), "errstr is terminated: %.40s", errstr);
}

int main(void) {
        ferro = strstr(rd_kafka_version_str(), "ferrokafka") != NULL;

        protocol("ssl", "TLS", NULL, 0);
        protocol("SSL", "TLS", NULL, 0);
        protocol("sasl_ssl", "SASL", NULL, 1);
        protocol("sasl_plaintext", "SASL", NULL, 1);
        {
                const char *plain[] = {"sasl.mechanisms", "PLAIN", "sasl.username", "u", "sasl.password", "p", NULL};
                /* The reference has SASL PLAIN and creates this client. */
                protocol("SASL_PLAINTEXT", "SASL", plain, 0);
        }

        /* What librdkafka refuses at rd_kafka_new(). */
        {
                const char *kv[] = {"security.protocol", "sasl_plaintext", "sasl.mechanisms", "BOGUS", NULL};
                refused(RD_KAFKA_PRODUCER, kv, "Unsupported SASL mechanism: BOGUS");
        }
        {
                const char *files[][2] = {{"ssl.ca.location", "ssl.ca.location failed"},
                                          {"ssl.certificate.location", "ssl.certificate.location failed"},
                                          {"ssl.crl.location", "ssl.crl.location failed"},
                                          {"ssl.keystore.location", "ssl.keystore.location"}};
                size_t i;
                for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
                        /* A certificate goes with its key (the key file is
                                         * missing too, but the certificate is read first). */
                        int cert = !strcmp(files[i][0], "ssl.certificate.location");
                        const char *kv[] = {"security.protocol", "ssl", files[i][0], "/nonexistent/ferrokafka-test.pem",
                                            "ssl.keystore.password", "x",
                                            cert ? "ssl.key.location" : NULL, "/nonexistent/ferrokafka-test.key", NULL};
                        refused(RD_KAFKA_PRODUCER, kv, files[i][1]);
                }
        }
        {
                const char *kv[] = {"group.id", "g", "partition.assignment.strategy", "nonexistent", NULL};
                const char *kv2[] = {"partition.assignment.strategy", "range,nonexistent", NULL};
                const char *kv3[] = {"group.id", "g", "partition.assignment.strategy", "cooperative-sticky,range", NULL};
                char errstr[512];
                refused(RD_KAFKA_CONSUMER, kv, "Unsupported partition.assignment.strategy: nonexistent");
                refused(RD_KAFKA_PRODUCER, kv2, "Unsupported partition.assignment.strategy: nonexistent");
                refused(RD_KAFKA_CONSUMER, kv3, "must have the same protocol type");
                /* These are refused at rd_kafka_new() by both libraries. */
                CHECK_INT(create(RD_KAFKA_CONSUMER, kv, errstr, sizeof(errstr)), -1);
                CHECK_INT(create(RD_KAFKA_PRODUCER, kv2, errstr, sizeof(errstr)), -1);
        }
        /* Still created: plaintext, and the assignors that exist. */
        {
                const char *kv[] = {"security.protocol", "plaintext", "group.id", "g",
                                    "partition.assignment.strategy", "cooperative-sticky", NULL};
                char errstr[512];
                CHECK_INT(create(RD_KAFKA_CONSUMER, kv, errstr, sizeof(errstr)), -2);
        }
        TEST_DONE();
}
