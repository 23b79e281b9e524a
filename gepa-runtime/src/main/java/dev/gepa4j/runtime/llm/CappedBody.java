package dev.gepa4j.runtime.llm;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that keeps at most a cap of bytes: a declared Content-Length over the cap fails before any byte
 * is read, and a body that streams past the cap cancels the subscription (closing the exchange) and fails with
 * {@link AnswerTooLargeException}.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long cap) {
        this.cap = cap;
    }

    static HttpResponse.BodySubscriber<byte[]> subscriber(HttpResponse.ResponseInfo info, long cap) {
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        CappedBody body = new CappedBody(cap);
        if (declared.isPresent() && declared.getAsLong() > cap) {
            body.result.completeExceptionally(tooLarge(declared.getAsLong() + " bytes (declared Content-Length)", cap));
        }
        return body;
    }

    private static AnswerTooLargeException tooLarge(String size, long cap) {
        return new AnswerTooLargeException("the answer is " + size + ", over max_answer_kb = " + cap / 1024
                + " KB; it was not read");
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (result.isDone()) {
            s.cancel(); // refused from the declared length: read nothing
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (kept.size() + (long) b.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(tooLarge("more than " + cap + " bytes (cut off while reading)", cap));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            kept.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t); // no effect when already refused or cut off
    }

    @Override
    public void onComplete() {
        result.complete(kept.toByteArray());
    }
}
