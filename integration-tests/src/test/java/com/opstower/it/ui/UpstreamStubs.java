package com.opstower.it.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;

/**
 * The upstream API of the browser test: one path prefix per auth type that answers 200 only with
 * the right credential, and 401 for everything else. The secrets are distinctive so a page that
 * leaked one would be caught by a plain text search.
 */
final class UpstreamStubs {

  static final String BEARER_TOKEN = "tok-Bearer-7Hq2ZxP9sV";
  static final String WRONG_TOKEN = "tok-WRONG-0000aaaa";
  static final String API_KEY_HEADER = "X-Api-Key";
  static final String API_KEY = "key-Header-3Lm8WvQ1";
  static final String BASIC_USER = "ops-reader";
  static final String BASIC_PASSWORD = "pw-Basic-9Tr4KsE6";
  static final String QUERY_PARAM = "api_key";
  static final String QUERY_VALUE = "qv-Query-5Nc1JdY2";

  static final List<String> SECRETS =
      List.of(BEARER_TOKEN, WRONG_TOKEN, API_KEY, BASIC_PASSWORD, QUERY_VALUE);

  private UpstreamStubs() {}

  static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)));
    server.stubFor(
        ok(
            get(urlPathMatching("/bearer.*"))
                .withHeader("Authorization", equalTo("Bearer " + BEARER_TOKEN))));
    server.stubFor(
        ok(get(urlPathMatching("/apikey.*")).withHeader(API_KEY_HEADER, equalTo(API_KEY))));
    server.stubFor(ok(get(urlPathMatching("/basic.*")).withBasicAuth(BASIC_USER, BASIC_PASSWORD)));
    server.stubFor(
        ok(get(urlPathMatching("/query.*")).withQueryParam(QUERY_PARAM, equalTo(QUERY_VALUE))));
    server.stubFor(ok(get(urlPathMatching("/open.*"))));
    return server;
  }

  private static MappingBuilder ok(MappingBuilder request) {
    return request
        .atPriority(1)
        .willReturn(
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                    """
                    {"items":[{"id":1,"name":"first"}]}"""));
  }
}
