package dev.portcullis.oauth.adapters.rest.identity;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body as bytes, but at most {@code limit} of them: past that it cancels the
 * download and fails with an {@link IOException}, so a broken identity service (or a client's
 * {@code jwks_uri}) cannot fill the heap.
 * One instance per response, called by the HTTP client's single subscription thread.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
    private final long limit;
    private Flow.Subscription subscription;
    private long received;
    private boolean done;

    private BoundedBody(long limit) {
        this.limit = limit;
    }

    /** A body handler that reads at most {@code limit} bytes of any response. */
    public static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return responseInfo -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        delegate.onSubscribe(newSubscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        received += items.stream().mapToLong(ByteBuffer::remaining).sum();
        if (received > limit) {
            done = true;
            subscription.cancel();
            delegate.onError(new IOException("response body longer than " + limit + " bytes"));
            return;
        }
        delegate.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
        if (!done) {
            done = true;
            delegate.onError(throwable);
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            delegate.onComplete();
        }
    }
}
