package com.opstower.execution.upstream;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient socket factories for http and https that hand every new socket to the exchange running
 * on the current thread, so an abort can close a socket that is still connecting or handshaking
 * (see {@link UpstreamExchange}). TLS uses the JVM's trust store and HttpClient's standard host
 * name verification; the TLS socket is layered over the tracked plain socket and dies with it.
 */
final class ExchangeSocketFactories {

  private ExchangeSocketFactories() {}

  static Registry<ConnectionSocketFactory> registry(SSLContext tls) {
    return RegistryBuilder.<ConnectionSocketFactory>create()
        .register("http", new TrackingPlain())
        .register("https", new TrackingTls(tls))
        .build();
  }

  private static Socket tracked(Socket socket) {
    UpstreamExchange.current().ifPresent(exchange -> exchange.track(socket));
    return socket;
  }

  private static final class TrackingPlain extends PlainConnectionSocketFactory {
    @Override
    public Socket createSocket(HttpContext context) throws IOException {
      return tracked(super.createSocket(context));
    }
  }

  private static final class TrackingTls extends SSLConnectionSocketFactory {
    TrackingTls(SSLContext tls) {
      super(tls, HttpsSupport.getDefaultHostnameVerifier());
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
      return tracked(super.createSocket(context));
    }
  }
}
