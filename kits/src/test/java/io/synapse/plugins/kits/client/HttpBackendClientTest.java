package io.synapse.plugins.kits.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.support.KitWorld;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client against the contract server: endpoints, payload shapes, auth, pagination, uploads, retries, timeouts, errors. */
class HttpBackendClientTest {
  @TempDir Path temp;
  KitWorld world;
  ContractPlatform platform;
  List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    world = new KitWorld(temp.resolve("world"));
    platform = new ContractPlatform(world.backend, temp.resolve("scratch"));
  }

  @AfterEach
  void stop() {
    platform.close();
    assertEquals(List.of(), platform.violations(), "every request kept the platform's contract");
  }

  private HttpBackendClient client(HttpSettings settings) {
    return new HttpBackendClient(settings, sleeps::add);
  }

  private HttpBackendClient client() {
    return client(HttpSettings.of(platform.url(), ContractPlatform.TOKEN, null, "acme").withRetries(3, Duration.ofMillis(10)));
  }

  @Test
  void readsRecordsWithTheTokenHeaderAndTheLocalBackendsAnswers() {
    HttpBackendClient http = client();
    assertEquals(world.project, http.getProject(world.project.id()));
    assertEquals(world.collection, http.getDataCollection(world.collection.id()));
    assertEquals(world.storage.configuration(), http.getStorage(world.storage.id()).configuration());
    assertEquals(world.dataset, http.getGroundTruthVersion(world.dataset.id()));
    ContractServer.Request request = platform.api.requests("GET", "/projects/").get(0);
    assertEquals("Token " + ContractPlatform.TOKEN, request.header("Synapse-Access-Token"));
    assertEquals("Token acme", request.header("Synapse-Tenant"));
    assertEquals("file_specifications", platform.api.requests("GET", "/data_collections/").get(0).queryValue("expand"));
    assertEquals("true", platform.api.requests("GET", "/storages/").get(0).queryValue("with_configuration"));
  }

  @Test
  void listsEventsPageByPageAndDownloadsFilesWithoutTheToken() throws Exception {
    HttpBackendClient http = client();
    List<GroundTruthEvent> events = new ArrayList<>();
    assertEquals(3, http.listGroundTruthEvents(world.dataset.id(), Map.of(), events::add));
    assertEquals(3, events.size());
    List<ContractServer.Request> pages = platform.api.requests("GET", "/sdk/ground_truth_events/");
    assertEquals(2, pages.size(), "page size 2: two pages");
    assertEquals(List.of("category", "files", "data"), pages.get(0).query().get("fields"));
    assertEquals(List.of("data"), pages.get(0).query().get("expand"));
    assertEquals(String.valueOf(world.dataset.id()), pages.get(0).queryValue("ground_truth_dataset_versions"));
    assertEquals("2", pages.get(1).queryValue("page"));
    List<GroundTruthEvent> local = new ArrayList<>();
    world.backend.listGroundTruthEvents(world.dataset.id(), Map.of(), local::add);
    assertEquals(local.get(1).data(), events.get(1).data());
    FileRef image = events.get(0).files().get("image_1");
    assertTrue(image.url().startsWith(platform.media.url().toString()), image.url());
    Path copy = http.download(image.url(), temp.resolve("copy.png"));
    assertEquals(FileTrees.sha1(world.files.resolve("img_a.png")), FileTrees.sha1(copy));
    assertNull(platform.media.requests().get(0).header("Synapse-Access-Token"), "no token to another origin");
    assertEquals(1, http.listGroundTruthEvents(world.dataset.id(), Map.of("category", "validation"), e -> {}));
  }

  @Test
  void createsAModelThroughTheChunkedUploadAndDeletesIt() throws Exception {
    HttpBackendClient http = client(HttpSettings.of(platform.url(), ContractPlatform.TOKEN, null, null).withChunkSize(1024));
    Path archive = temp.resolve("model.zip");
    byte[] bytes = new byte[3000];
    new java.util.Random(7).nextBytes(bytes);
    Files.write(archive, bytes);
    ModelRecord model = http.createModel(new ModelCreate("m1", "kits_test", "0.1.0", world.model.id(), "d", Map.of("lr", 0.1)), archive);
    List<ContractServer.Request> chunks = platform.api.requests("PUT", "/chunked_upload/");
    assertEquals(List.of("bytes 0-1023/3000", "bytes 1024-2047/3000", "bytes 2048-2999/3000"),
        chunks.stream().map(r -> r.header("Content-Range")).toList());
    assertEquals(FileTrees.md5(archive), ((Map<?, ?>) platform.api.requests("POST", "/chunked_upload/").get(0).json()).get("md5"));
    Map<?, ?> create = (Map<?, ?>) platform.api.requests("POST", "/models/").get(0).json();
    assertEquals(java.util.Set.of("name", "plugin", "version", "checkpoint", "description", "configuration", "chunked_upload"), create.keySet());
    assertEquals("fine-tuned", model.category());
    assertEquals(model, http.getModel(model.id()));
    Path back = http.download(model.fileUrl(), temp.resolve("back.zip"));
    assertEquals(FileTrees.sha1(archive), FileTrees.sha1(back));
    http.deleteModel(model.id());
    assertEquals(1, platform.api.requests("DELETE", "/v2/models/" + model.id() + "/").size());
    BackendError gone = assertThrows(BackendError.class, () -> http.getModel(model.id()));
    assertEquals(BackendError.Kind.NOT_FOUND, gone.kind());
    assertEquals(404, gone.status());
  }

  @Test
  void uploadsFilesAndCreatesAndDeletesDataUnits() throws Exception {
    HttpBackendClient http = client();
    Path file = Files.writeString(temp.resolve("a.json"), "{\"x\": 1}");
    DataFile uploaded = http.createDataFile(file);
    assertEquals(FileTrees.sha1(file), uploaded.checksum());
    Map<String, byte[]> parts = ContractServer.multipart(platform.api.requests("POST", "/data_files/").get(0));
    assertEquals("a.json", new String(parts.get("file.filename"), StandardCharsets.UTF_8));
    List<DataUnit> units = http.createDataUnits(List.of(
        new DataUnitCreate(world.collection.id(), Map.of("label_1", new DataUnitCreate.DataUnitFile(uploaded.checksum(), "label_1/a.json")), Map.of("k", 1), List.of("g")),
        new DataUnitCreate(world.collection.id(), Map.of("label_1", new DataUnitCreate.DataUnitFile(uploaded.checksum(), "label_1/a.json")), Map.of(), List.of())));
    assertEquals(2, units.size());
    assertInstanceOf(List.class, platform.api.requests("POST", "/data_units/").get(0).json(), "several units go as one list");
    assertEquals(Map.of("k", 1), http.getDataUnit(units.get(0).id()).meta());
    http.deleteDataUnit(units.get(0).id());
    assertThrows(BackendError.class, () -> world.backend.getDataUnit(units.get(0).id()));
    assertFalse(http.deleteDataFile(uploaded.id()), "the platform cannot delete data files");
  }

  @Test
  void tasksAnnotationsJobsAndPluginRuns() {
    HttpBackendClient http = client();
    assertEquals(world.tasks, http.listTaskIds(world.project.id(), Map.of()));
    Task task = http.getTask(world.tasks.get(0));
    assertEquals(world.units.get(0).files().keySet(), task.dataUnit().files().keySet());
    http.annotateTaskData(task.id(), Map.of("annotations", List.of()), "dm_schema_v1");
    ContractServer.Request put = platform.api.requests("PUT", "/tasks/").get(0);
    assertEquals("dm_schema_v1", put.queryValue("schema"));
    assertEquals(Map.of("action", "submit", "data", Map.of("annotations", List.of())), put.json());
    assertEquals(Map.of("annotations", List.of()), world.backend.getTask(task.id()).data());
    JobRecord job = http.updateJob("42", new JobUpdate("RUNNING", Map.of("current", 1), null, null));
    assertEquals("RUNNING", job.status());
    assertEquals("RUNNING", http.getJob("42").status());
    assertEquals(Map.of("status", "RUNNING", "progress_record", Map.of("current", 1)), platform.api.requests("PATCH", "/jobs/").get(0).json());
    Object answer = http.runPlugin("kits_test", new PluginRun("inference", 1L, "0.1.0", Map.of("model", 1, "url", "u", "name", "cat.png")));
    assertEquals(List.of(Map.of("label", "cat.png", "model", 1)), answer);
    assertEquals(world.preProcessor, http.getPluginRelease(world.preProcessor.id()));
    List<ExportRow> rows = new ArrayList<>();
    assertEquals(3, http.listExportRows(ExportTarget.TASK, Map.of("project", String.valueOf(world.project.id())), rows::add));
    assertTrue(platform.api.requests("GET", "/sdk/tasks/").stream().anyMatch(r -> List.of("data_unit").equals(r.query().get("expand"))));
    assertTrue(rows.get(0).primaryFile().isPresent());
  }

  @Test
  void idempotentRequestsAreRetriedAndOthersAreNot() {
    HttpBackendClient http = client();
    platform.api.fault(new ContractServer.Fault("GET", "/projects/", 503, 0, false, Map.of()))
        .fault(new ContractServer.Fault("GET", "/projects/", 502, 0, false, Map.of("Retry-After", "999")));
    assertEquals(world.project, http.getProject(world.project.id()));
    assertEquals(3, platform.api.requests("GET", "/projects/").size());
    assertEquals(List.of(Duration.ofMillis(10), Duration.ofSeconds(60)), sleeps, "backoff, then Retry-After capped at 60 s");

    platform.api.fault(new ContractServer.Fault("POST", "/data_units/", 503, 0, false, Map.of()));
    BackendError post = assertThrows(BackendError.class, () -> http.createDataUnits(List.of(new DataUnitCreate(world.collection.id(), Map.of(), Map.of(), List.of()))));
    assertEquals(503, post.status());
    assertEquals(BackendError.Kind.SERVER, post.kind());
    assertTrue(post.retrySafe());
    assertTrue(post.bodyExcerpt().contains("injected 503"), post.bodyExcerpt());
    assertEquals("POST", post.details().get("method"));
    assertEquals("/data_units/", post.details().get("path"));
    assertEquals(1, platform.api.requests("POST", "/data_units/").size(), "a POST is never sent twice");

    for (int i = 0; i < 4; i++) {
      platform.api.fault(new ContractServer.Fault("GET", "/projects/", 504, 0, false, Map.of()));
    }
    BackendError exhausted = assertThrows(BackendError.class, () -> http.getProject(world.project.id()));
    assertEquals(504, exhausted.status());
  }

  @Test
  void timeoutsAndLostResponsesAreTypedAndNonIdempotentOnesAreNotRetried() {
    HttpBackendClient http = client(HttpSettings.of(platform.url(), ContractPlatform.TOKEN, null, null)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)).withRetries(1, Duration.ofMillis(1)));
    platform.api.fault(new ContractServer.Fault("GET", "/projects/", 200, 1500, false, Map.of()))
        .fault(new ContractServer.Fault("GET", "/projects/", 200, 1500, false, Map.of()));
    BackendError timeout = assertThrows(BackendError.class, () -> http.getProject(world.project.id()));
    assertEquals(BackendError.Kind.TIMEOUT, timeout.kind());
    assertEquals(2, platform.api.requests("GET", "/projects/").size());

    platform.api.fault(new ContractServer.Fault("POST", "/plugins/", 200, 1500, false, Map.of()));
    BackendError lost = assertThrows(BackendError.class, () -> http.runPlugin("kits_test", new PluginRun("inference", null, null, Map.of())));
    assertEquals(BackendError.Kind.RESPONSE_INCOMPLETE, lost.kind());
    assertFalse(lost.retrySafe());
    assertEquals(1, platform.api.requests("POST", "/plugins/").size());
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HttpBackendClient http = client(HttpSettings.of(URI.create("http://127.0.0.1:" + port), ContractPlatform.TOKEN, null, null)
        .withRetries(2, Duration.ofMillis(1)));
    BackendError refused = assertThrows(BackendError.class, () -> http.getProject(1));
    assertEquals(BackendError.Kind.CONNECTION, refused.kind());
    assertEquals(0, refused.status());
    assertTrue(refused.retrySafe());
    assertEquals(2, sleeps.size());
  }

  @Test
  void errorsNeverShowTheTokenAndForeignNextLinksAreNotFollowed() {
    HttpBackendClient wrong = client(HttpSettings.of(platform.url(), "syn_wrong_token_1234567", null, null));
    BackendError denied = assertThrows(BackendError.class, () -> wrong.getProject(world.project.id()));
    assertEquals(BackendError.Kind.AUTHENTICATION, denied.kind());
    assertEquals(401, denied.status());
    assertFalse(denied.getMessage().contains("syn_wrong_token"), denied.getMessage());
    assertFalse(denied.details().toString().contains("syn_wrong_token"));
    assertFalse(wrong.toString().contains("syn_wrong_token"), wrong.toString());
    assertFalse(wrong.settings().toString().contains("syn_wrong_token"));
    assertTrue(wrong.settings().toString().contains("accessToken=" + io.synapse.plugins.secrets.SecretRule.MASK + ","),
        wrong.settings().toString());

    platform.api.on("GET", "/sdk/assignments/", (r, m) -> ContractServer.Response.json(200,
        Map.of("count", 2, "next", "http://evil.example:81/steal?token=1", "results", List.of(Map.of("id", 1, "data", Map.of())))));
    BackendError foreign = assertThrows(BackendError.class, () -> client().listExportRows(ExportTarget.ASSIGNMENT, Map.of("project", "1"), row -> {}));
    assertEquals(BackendError.Kind.BAD_RESPONSE, foreign.kind());
    assertFalse(foreign.getMessage().contains("token=1"), foreign.getMessage());

    platform.api.on("GET", "/jobs/notjson/", (r, m) -> new ContractServer.Response(200, "<html>oops</html>".getBytes(StandardCharsets.UTF_8), Map.of()));
    assertEquals(BackendError.Kind.BAD_RESPONSE, assertThrows(BackendError.class, () -> client().getJob("notjson")).kind());
    assertEquals(BackendError.Kind.INVALID_REQUEST, assertThrows(BackendError.class, () -> client().getJob("../../etc")).kind());
    assertEquals(BackendError.Kind.INVALID_REQUEST, assertThrows(BackendError.class, () -> client().download("file:///etc/passwd", temp.resolve("x"))).kind());
  }

  @Test
  void theEnvironmentPicksTheClient() {
    BackendClient http = BackendClients.fromEnvironment(PluginEnvironment.of(Map.of(BackendClients.HOST, platform.url().toString(),
        BackendClients.ACCESS_TOKEN, ContractPlatform.TOKEN)));
    assertInstanceOf(HttpBackendClient.class, http);
    assertEquals(world.project, http.getProject(world.project.id()));
    BackendClient local = BackendClients.fromEnvironment(PluginEnvironment.of(Map.of(BackendClients.LOCAL_BACKEND, world.backendDir.toString())));
    assertEquals("local:" + world.backendDir.toAbsolutePath().normalize(), local.describe());
    ConfigError noToken = assertThrows(ConfigError.class, () -> BackendClients.fromEnvironment(PluginEnvironment.of(Map.of(BackendClients.HOST, "https://h"))));
    assertTrue(noToken.getMessage().contains(BackendClients.ACCESS_TOKEN));
    ConfigError credentials = assertThrows(ConfigError.class, () -> BackendClients.fromEnvironment(PluginEnvironment.of(Map.of(
        BackendClients.HOST, "https://user:hunter22@h", BackendClients.ACCESS_TOKEN, "syn_abcdefgh"))));
    assertFalse(credentials.getMessage().contains("hunter22"), credentials.getMessage());
    assertFalse(credentials.getMessage().contains("syn_abcdefgh"), credentials.getMessage());
    HttpBackendClient user = (HttpBackendClient) BackendClients.fromEnvironment(PluginEnvironment.of(Map.of(
        BackendClients.USER_TOKEN, "u-token-123456", BackendClients.TENANT, "acme")));
    assertEquals(BackendClients.DEFAULT_HOST, user.describe());
  }
}
