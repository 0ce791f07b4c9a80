/*
 * foundation_demo: what ferrokafka can do before its networking lands.
 * Creates a producer and a consumer from validated configuration, shows
 * configuration errors as librdkafka reports them, and prints the version
 * and built-in features.
 */
#include <stdio.h>
#include <string.h>
#include <librdkafka/rdkafka.h>

static void try_set(rd_kafka_conf_t *conf, const char *name, const char *value) {
        char errstr[512];
        rd_kafka_conf_res_t r = rd_kafka_conf_set(conf, name, value, errstr, sizeof(errstr));
        printf("  set %-28s = %-12s -> %s%s%s\n", name, value,
               r == RD_KAFKA_CONF_OK ? "ok" : r == RD_KAFKA_CONF_UNKNOWN ? "UNKNOWN" : "INVALID",
               r == RD_KAFKA_CONF_OK ? "" : ": ", r == RD_KAFKA_CONF_OK ? "" : errstr);
}

int main(void) {
        char errstr[512], buf[512];
        size_t size = sizeof(buf);
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *p, *c;

        printf("ferrokafka %s (API level 0x%08x)\n", rd_kafka_version_str(), rd_kafka_version());
        if (conf && rd_kafka_conf_get(conf, "builtin.features", buf, &size) == RD_KAFKA_CONF_OK)
                printf("builtin.features: %s\n", buf);
        printf("configuration:\n");
        try_set(conf, "bootstrap.servers", "localhost:9092");
        try_set(conf, "linger.ms", "5");
        try_set(conf, "linger.ms", "fast");
        try_set(conf, "message.max.bytes", "10");
        try_set(conf, "acks", "all");
        try_set(conf, "compression.codec", "brotli");
        try_set(conf, "no.such.property", "1");

        p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!p) {
                printf("producer creation failed: %s\n", errstr);
                return 1;
        }
        c = rd_kafka_new(RD_KAFKA_CONSUMER, NULL, errstr, sizeof(errstr));
        if (!c) {
                printf("consumer creation failed: %s\n", errstr);
                return 1;
        }
        printf("created %s and %s\n", rd_kafka_name(p), rd_kafka_name(c));
        printf("err2str(_TRANSPORT): %s\n", rd_kafka_err2str(RD_KAFKA_RESP_ERR__TRANSPORT));
        rd_kafka_destroy(c);
        rd_kafka_destroy(p);
        printf("done\n");
        return 0;
}
