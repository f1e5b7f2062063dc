/**
 * The results HTTP API (Javalin 7 on Jetty 12). Its client, {@code bedside.results.client.ResultsClient}, is in the
 * module results-client with the record types both ends share.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseConfig.fromEnvironment(home));
 *      ResultsServer server = ResultsServer.start(db, 8080)) {        // 127.0.0.1 only; Options for others
 *     System.out.println(server.url() + "/api/openapi.json");
 * }
 * ResultsClient client = ResultsClient.builder(URI.create(url), token).build();
 * client.uploadAttempts("study", uploads);                             // retried with backoff, idempotent
 * }</pre>
 *
 * <p>Every route is registered in one place, {@code ResultsApi}, by one small route group per resource
 * ({@code StudyRoutes}, {@code AttemptRoutes}, …, sharing {@code RouteGroup} and {@code Requests}).
 * Routes, roles and shapes are in the OpenAPI 3.1 document {@code openapi.json} beside these classes (served
 * at {@code GET /api/openapi.json}; a test keeps it and the registered routes equal). Every other route needs
 * {@code Authorization: Bearer <token>} ({@link bedside.results.store.AccessTokens}); each route carries its
 * roles ({@link bedside.results.server.Access}) and one {@code beforeMatched} handler checks them, then the handler
 * narrows to what the token reaches: its study, and for a vendor its own candidate — anything else answers 404
 * exactly as an unknown id does, so another candidate's name or ids never leak. Errors are
 * {@code application/problem+json} (RFC 9457) with {@code type = urn:bedside:problem:<kind>}, a title naming the
 * kind and a detail (and {@code field}) naming the offending field.
 */
package bedside.results.server;
