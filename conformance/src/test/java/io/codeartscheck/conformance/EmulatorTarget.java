package io.codeartscheck.conformance;

import io.codeartscheck.emulator.EmulatorState;
import io.codeartscheck.emulator.TaskManagementEmulator;
import io.codeartscheck.server.CodeArtsCheckFeature;
import io.codeartscheck.server.TokenVerifier;
import io.codeartscheck.server.api.TaskManagementApi;
import io.codeartscheck.server.model.DeleteTaskResponse;
import io.codeartscheck.server.model.RefreshJobResultResponse;
import io.codeartscheck.server.model.TaskCronResponse;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Feature;
import java.util.List;
import java.util.Set;

/**
 * The emulator's implementation of the generated interface, with the server-stub Feature and the
 * server-side spec validator, as one JAX-RS {@link Application} that any runtime can host.
 * {@link #reset()} swaps in a fresh emulator holding the default data.
 */
final class EmulatorTarget implements ConformanceTarget {

  static final String TOKEN = "conformance-token";

  private final SpecVerdicts serverVerdicts = new SpecVerdicts();
  private final ResettableTasks tasks = new ResettableTasks();
  private final Application application;
  private String baseUrl;

  EmulatorTarget(SpecValidator spec) {
    this(spec, context -> true);
  }

  /** The emulator with {@code extra} registered too: how a test breaks it on purpose. */
  EmulatorTarget(SpecValidator spec, Feature extra) {
    // Registered through a Feature: RESTEasy does not take a filter object from getSingletons().
    Feature validation = context -> {
      context.register(new SpecValidationFilter(spec, serverVerdicts));
      return true;
    };
    CodeArtsCheckFeature feature = CodeArtsCheckFeature.builder().tokenVerifier(TokenVerifier.oneOf(TOKEN)).build();
    this.application = new Application() {
      @Override
      public Set<Object> getSingletons() {
        return Set.of(tasks, feature, validation, extra);
      }
    };
  }

  Application application() {
    return application;
  }

  void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String token() {
    return TOKEN;
  }

  @Override
  public boolean hasDefaultData() {
    return true;
  }

  @Override
  public void reset() {
    tasks.current = new TaskManagementEmulator(EmulatorState.defaults());
  }

  @Override
  public List<SpecVerdict> serverVerdicts() {
    return serverVerdicts.drain();
  }

  @Override
  public boolean validatesServerSide() {
    return true;
  }

  /** The emulator, behind a reference that {@link #reset()} replaces. */
  static final class ResettableTasks implements TaskManagementApi {
    volatile TaskManagementApi current = new TaskManagementEmulator(EmulatorState.defaults());

    @Override
    public DeleteTaskResponse deleteTaskV3(String taskId, String operator) {
      return current.deleteTaskV3(taskId, operator);
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(String jobId, String taskId, String async) {
      return current.refreshPortalServiceJobResult(jobId, taskId, async);
    }

    @Override
    public String showCodeHealthSvg(String taskId, String locale, String jobId) {
      return current.showCodeHealthSvg(taskId, locale, jobId);
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(String taskId, String operator) {
      return current.showPortalServiceTaskCron(taskId, operator);
    }

    @Override
    public Object stopTaskByIdV2(String taskId) {
      return current.stopTaskByIdV2(taskId);
    }
  }
}
