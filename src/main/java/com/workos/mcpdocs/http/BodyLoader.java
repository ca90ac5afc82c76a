package com.workos.mcpdocs.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a POST body completely, without holding a thread, before the servlets see the request. The SDK's servlet
 * transport reads the body with blocking IO, so every client that trickles its body would hold one of the server's
 * threads for as long as it likes, and a few hundred of them starve everyone else. Here the bytes are collected as
 * they arrive (Jetty calls back when there are more), and only a complete body is handed on, from memory.
 *
 * <p>Limits: a body must arrive whole within {@code deadline} of the request (a trickling client gets 408 and its
 * connection is closed), must not exceed {@code maxBytes} (413), and all bodies being collected at once share a
 * budget of {@code budgetBytes} (503 beyond it), so many large slow bodies cannot exhaust the heap. A body that
 * ends before its declared length gets 400. Jetty's {@code EagerContentHandler} does the same loading but retains
 * the network buffers of every chunk, so a body trickled a byte at a time would pin one buffer per byte; here each
 * chunk is copied and its buffer released at once.
 */
final class BodyLoader extends Handler.Wrapper {

    private final int maxBytes;
    private final Duration deadline;
    private final long budgetBytes;
    private final AtomicLong collecting = new AtomicLong();

    BodyLoader(Handler next, int maxBytes, Duration deadline, long budgetBytes) {
        super(next);
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        if (request.getLength() > maxBytes) {
            refuse(response, callback, 413, "request body larger than " + maxBytes + " bytes; send smaller "
                    + "requests.");
            return true;
        }
        new Loading(request, response, callback).start();
        return true;
    }

    /** One body being collected. */
    private final class Loading implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean finished = new AtomicBoolean();
        private Scheduler.Task timeout;
        private long reserved;

        Loading(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            timeout = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(),
                    TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more comes. */
        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    chunk.release();
                    if (failure instanceof TimeoutException) {
                        finish(408, "the request body stopped arriving; send the whole body at once.");
                    } else {
                        finish(400, "the request body ended before its declared Content-Length; send the whole "
                                + "body.");
                    }
                    return;
                }
                int size = chunk.remaining();
                boolean last = chunk.isLast();
                if (body.size() + (long) size > maxBytes) {
                    chunk.release();
                    finish(413, "request body larger than " + maxBytes + " bytes; send smaller requests.");
                    return;
                }
                if (!reserve(size)) {
                    chunk.release();
                    finish(503, "the server is receiving too many request bodies at once; retry in a moment.");
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                byte[] copy = new byte[size];
                bytes.get(copy);
                body.write(copy, 0, size);
                chunk.release();
                if (last) {
                    dispatch();
                    return;
                }
            }
        }

        private boolean reserve(int size) {
            if (collecting.addAndGet(size) > budgetBytes) {
                collecting.addAndGet(-size);
                return false;
            }
            reserved += size;
            return true;
        }

        private void releaseBudget() {
            collecting.addAndGet(-reserved);
            reserved = 0;
        }

        private void expire() {
            finish(408, "the request body did not arrive within " + deadline.toSeconds() + " s; send the whole "
                    + "body at once.");
        }

        private void finish(int status, String message) {
            if (finished.compareAndSet(false, true)) {
                timeout.cancel();
                releaseBudget();
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                refuse(response, callback, status, message);
            }
        }

        private void dispatch() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel();
            Request loaded = new Loaded(request, body.toByteArray());
            Callback done = new Callback.Nested(callback) {
                @Override
                public void completed() {
                    releaseBudget();
                }
            };
            try {
                if (!BodyLoader.super.handle(loaded, response, done)) {
                    Response.writeError(loaded, response, done, 404);
                }
            } catch (Throwable t) {
                Response.writeError(loaded, response, done, t);
            }
        }
    }

    /** The request with its body served from memory: reading it never waits. */
    private static final class Loaded extends Request.Wrapper {
        private Content.Chunk rest;

        Loaded(Request request, byte[] body) {
            super(request);
            rest = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = rest;
            rest = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }

    /** A short JSON-RPC error body, as every refusal of this server is. */
    static void refuse(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        String json = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"" + escaped + "\"}}";
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
