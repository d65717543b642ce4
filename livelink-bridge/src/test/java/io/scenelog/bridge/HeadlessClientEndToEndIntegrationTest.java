package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scenelog.livelink.client.ClientOptions;
import io.scenelog.livelink.client.JoinedClient;
import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.LivelinkListener;
import io.scenelog.livelink.client.Operations;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.livelink.client.SceneMirror;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionMode;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge end to end with the Java headless client (livelink-client): both clients join through the REST API,
 * one edits, the other's mirror of the scene follows; a viewer's attempt to persist is rejected and changes nothing.
 */
class HeadlessClientEndToEndIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldMirrorAnEditOfOneClientInTheOther() throws Exception {
        // given
        PlatformRest rest = PlatformRest.at(URI.create(platform.rest().baseUri().toString()));
        String admin = platform.adminToken();
        UUID sceneId = rest.createScene(admin, "end-to-end");
        UUID sessionId = rest.findOrStartSession(admin, sceneId, SessionMode.PERSISTENT);
        JoinedClient editor = rest.join(admin, sessionId, Role.EDITOR, true);
        JoinedClient viewer = rest.join(admin, sessionId, Role.VIEWER, true);
        SceneMirror mirror = new SceneMirror();
        try (LivelinkClient editing = connect(editor, new LivelinkListener() { });
                LivelinkClient watching = connect(viewer, new LivelinkListener() {
                    @Override
                    public void onEvent(SceneEvent event) {
                        mirror.apply(event);
                    }
                })) {
            mirror.seed(watching.queryEntities(List.of()).get(20, TimeUnit.SECONDS));

            // when
            UUID cube = UUID.randomUUID();
            ActionResult created = editing.act(true, List.of(Operations.create(cube,
                    Components.newBuilder().setName("cube").setTransform(Operations.transformAt(1, 2, 3)).build())))
                    .get(20, TimeUnit.SECONDS);
            ActionResult forbidden = watching.act(true, List.of(Operations.delete(cube))).get(20, TimeUnit.SECONDS);

            // then
            assertThat(created.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
            await().atMost(RawLivelink.WAIT).until(() -> mirror.entity(cube).isPresent());
            assertThat(mirror.entity(cube).orElseThrow().getSceneVersion()).isEqualTo(created.getSceneVersion());
            assertThat(forbidden.getReason()).isEqualTo(ReasonCode.FORBIDDEN_PERSIST);
            assertThat(watching.queryEntities(List.of(cube)).get(20, TimeUnit.SECONDS).entities()).hasSize(1);
        }
    }

    private static LivelinkClient connect(JoinedClient joined, LivelinkListener listener) {
        return LivelinkClient.connect(platform.bridge().livelinkUri(), joined.token(),
                ClientOptions.defaults().withListener(listener));
    }
}
