/* Bad peers and addresses, without a real broker: each gives a clear error
 * event, rd_kafka_metadata() fails within its timeout, nothing crashes or
 * hangs, and destroying the client is prompt. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static long long now_ms(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A one-connection server that answers every request with `reply`. */
struct server {
        int fd, port;
        const unsigned char *reply;
        size_t reply_len;
        pthread_t thread;
};

static void *serve(void *arg) {
        struct server *s = arg;
        int c = accept(s->fd, NULL, NULL);
        unsigned char buf[4096];
        if (c < 0)
                return NULL;
        if (read(c, buf, sizeof(buf)) > 0 && s->reply_len) {
                if (write(c, s->reply, s->reply_len) < 0)
                        perror("write");
        }
        sleep(3);
        close(c);
        return NULL;
}

static void server_start(struct server *s, const unsigned char *reply, size_t len) {
        struct sockaddr_in a = {0};
        socklen_t al = sizeof(a);
        s->fd = socket(AF_INET, SOCK_STREAM, 0);
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        CHECK(bind(s->fd, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
        CHECK(listen(s->fd, 4) == 0, "listen");
        getsockname(s->fd, (struct sockaddr *)&a, &al);
        s->port = ntohs(a.sin_port);
        s->reply = reply;
        s->reply_len = len;
        pthread_create(&s->thread, NULL, serve, s);
}

static void server_stop(struct server *s) {
        shutdown(s->fd, SHUT_RDWR);
        close(s->fd);
        pthread_cancel(s->thread);
        pthread_join(s->thread, NULL);
}

/* Creates a client for `bootstrap`, asks for metadata with a 1.5 s timeout
 * and expects it to fail in time with an error event of `want_err` whose
 * text contains `want_text`. */
static void expect_failure(const char *what, const char *bootstrap, rd_kafka_resp_err_t want_err,
                           const char *want_text) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        rd_kafka_queue_t *q;
        rd_kafka_event_t *ev;
        const rd_kafka_metadata_t *md = NULL;
        long long t0;
        int found = 0;

        rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "api.version.request.timeout.ms", "1000", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof(errstr));
        rd_kafka_conf_set_events(conf, RD_KAFKA_EVENT_ERROR);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s: %s", what, errstr);
        t0 = now_ms();
        CHECK(rd_kafka_metadata(rk, 1, NULL, &md, 1500) != RD_KAFKA_RESP_ERR_NO_ERROR, "%s: metadata succeeded", what);
        CHECK(now_ms() - t0 < 2500, "%s: metadata took %lldms", what, now_ms() - t0);
        q = rd_kafka_queue_get_main(rk);
        while (!found && (ev = rd_kafka_queue_poll(q, 1000))) {
                if (rd_kafka_event_type(ev) == RD_KAFKA_EVENT_ERROR &&
                    rd_kafka_event_error(ev) == want_err &&
                    strstr(rd_kafka_event_error_string(ev), want_text))
                        found = 1;
                rd_kafka_event_destroy(ev);
        }
        CHECK(found, "%s: no %s error event containing \"%s\"", what, rd_kafka_err2name(want_err), want_text);
        rd_kafka_queue_destroy(q);
        t0 = now_ms();
        rd_kafka_destroy(rk);
        CHECK(now_ms() - t0 < 1000, "%s: destroy took %lldms", what, now_ms() - t0);
}

int main(void) {
        char bs[64];
        struct server s;
        static unsigned char garbage[64];
        /* A frame announcing 2 GB, far over receive.message.max.bytes. */
        static const unsigned char huge[] = {0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 1};
        /* A well-sized frame whose correlation id matches nothing. */
        static const unsigned char stray[] = {0, 0, 0, 8, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0};
        size_t i;

        for (i = 0; i < sizeof(garbage); i++)
                garbage[i] = (unsigned char)(i * 37 + 11);

        expect_failure("unknown host", "no-such-host.invalid:9092", RD_KAFKA_RESP_ERR__RESOLVE, "Failed to resolve");
        expect_failure("port 0", "127.0.0.1:0", RD_KAFKA_RESP_ERR__TRANSPORT, "Connect to");

        server_start(&s, garbage, sizeof(garbage));
        snprintf(bs, sizeof(bs), "127.0.0.1:%d", s.port);
        expect_failure("garbage peer", bs, RD_KAFKA_RESP_ERR__TRANSPORT, "");
        server_stop(&s);

        server_start(&s, huge, sizeof(huge));
        snprintf(bs, sizeof(bs), "127.0.0.1:%d", s.port);
        expect_failure("oversized frame", bs, RD_KAFKA_RESP_ERR__TRANSPORT, "receive.message.max.bytes");
        server_stop(&s);

        server_start(&s, stray, sizeof(stray));
        snprintf(bs, sizeof(bs), "127.0.0.1:%d", s.port);
        expect_failure("silent peer", bs, RD_KAFKA_RESP_ERR__TRANSPORT, "");
        server_stop(&s);
        TEST_DONE();
}
