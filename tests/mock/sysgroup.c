/*
 * sysgroup: two consumers of the *system* librdkafka in one group against
 * ferrokafka's mock cluster: the classic group protocol must rebalance the
 * partitions across both members, and give everything to the remaining
 * member when the other leaves.
 *
 *   sysgroup BOOTSTRAP TOPIC PARTITIONS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <librdkafka/rdkafka.h>

static int failures = 0;
#define FAIL(...) do { fprintf(stderr, "sysgroup: FAIL: " __VA_ARGS__); fprintf(stderr, "\n"); failures++; } while (0)

static void set(rd_kafka_conf_t *conf, const char *k, const char *v) {
        char errstr[256];
        if (rd_kafka_conf_set(conf, k, v, errstr, sizeof(errstr))) {
                fprintf(stderr, "conf %s: %s\n", k, errstr);
                exit(2);
        }
}

static rd_kafka_t *consumer(const char *bootstrap, const char *topic) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", bootstrap);
        set(conf, "group.id", "sysgroup");
        set(conf, "session.timeout.ms", "6000");
        set(conf, "heartbeat.interval.ms", "300");
        set(conf, "auto.offset.reset", "earliest");
        rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        if (!c)
                exit(2);
        rd_kafka_poll_set_consumer(c);
        rd_kafka_topic_partition_list_t *s = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(s, topic, RD_KAFKA_PARTITION_UA);
        if (rd_kafka_subscribe(c, s))
                FAIL("subscribe");
        rd_kafka_topic_partition_list_destroy(s);
        return c;
}

static int assigned(rd_kafka_t *c) {
        rd_kafka_topic_partition_list_t *a = NULL;
        int n = -1;
        if (!rd_kafka_assignment(c, &a) && a) {
                n = a->cnt;
                rd_kafka_topic_partition_list_destroy(a);
        }
        return n;
}

static void pump(rd_kafka_t *c) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 50);
        if (m)
                rd_kafka_message_destroy(m);
}

int main(int argc, char **argv) {
        if (argc != 4)
                return 2;
        const char *bootstrap = argv[1], *topic = argv[2];
        int parts = atoi(argv[3]);
        rd_kafka_t *a = consumer(bootstrap, topic);
        time_t end = time(NULL) + 30;
        while (time(NULL) < end && assigned(a) != parts)
                pump(a);
        if (assigned(a) != parts)
                FAIL("single member got %d of %d partitions", assigned(a), parts);
        /* A second member joins: the group rebalances over both. */
        rd_kafka_t *b = consumer(bootstrap, topic);
        end = time(NULL) + 60;
        int na = 0, nb = 0;
        while (time(NULL) < end) {
                pump(a);
                pump(b);
                na = assigned(a);
                nb = assigned(b);
                if (na > 0 && nb > 0 && na + nb == parts)
                        break;
        }
        if (!(na > 0 && nb > 0 && na + nb == parts))
                FAIL("after the second join: %d + %d of %d partitions", na, nb, parts);
        else
                printf("sysgroup: two members share the partitions: %d + %d\n", na, nb);
        /* The second leaves: the first gets everything back. */
        rd_kafka_consumer_close(b);
        rd_kafka_destroy(b);
        end = time(NULL) + 60;
        while (time(NULL) < end && assigned(a) != parts)
                pump(a);
        if (assigned(a) != parts)
                FAIL("after the leave: %d of %d partitions", assigned(a), parts);
        else
                printf("sysgroup: after the leave the remaining member has all %d partitions\n", parts);
        rd_kafka_consumer_close(a);
        rd_kafka_destroy(a);
        return failures ? 1 : 0;
}
