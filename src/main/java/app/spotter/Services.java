package app.spotter;

import app.spotter.auth.AccessGuard;
import app.spotter.auth.AccessTokens;
import app.spotter.auth.AuthRoutes;
import app.spotter.auth.AuthService;
import app.spotter.auth.Authenticator;
import app.spotter.auth.DeviceCookies;
import app.spotter.auth.FailureLimiter;
import app.spotter.auth.MeService;
import app.spotter.auth.PasswordHasher;
import app.spotter.auth.PasswordVersions;
import app.spotter.auth.RefreshTokenRepository;
import app.spotter.auth.TrainerRepository;
import app.spotter.coaching.CoachingRepository;
import app.spotter.coaching.LiveCoaching;
import app.spotter.coaching.PersonalRecordRepository;
import app.spotter.coaching.PersonalRecords;
import app.spotter.coaching.ProgressRepository;
import app.spotter.coaching.ProgressRoutes;
import app.spotter.coaching.ProgressService;
import app.spotter.coaching.RecordRoutes;
import app.spotter.config.SpotterConfig;
import app.spotter.display.DisplayRepository;
import app.spotter.display.DisplayRoutes;
import app.spotter.display.DisplayService;
import app.spotter.display.PairingStore;
import app.spotter.exercise.ExerciseRepository;
import app.spotter.exercise.ExerciseRoutes;
import app.spotter.exercise.ExerciseService;
import app.spotter.http.ApiRoutes;
import app.spotter.live.LiveEngine;
import app.spotter.program.ProgramRepository;
import app.spotter.program.ProgramRoutes;
import app.spotter.program.ProgramService;
import app.spotter.program.TrainingSessionRepository;
import app.spotter.program.TrainingSessionService;
import app.spotter.record.ExerciseRecordRepository;
import app.spotter.record.ExportRepository;
import app.spotter.record.RecordExerciseService;
import app.spotter.record.RecordRepository;
import app.spotter.record.SessionRecordRoutes;
import app.spotter.record.SessionRecordService;
import app.spotter.record.TraineeExportRoutes;
import app.spotter.session.LiveSessionRoutes;
import app.spotter.session.LiveSessionService;
import app.spotter.template.ExerciseTemplateRepository;
import app.spotter.template.SessionTemplateRepository;
import app.spotter.template.SessionTemplateRoutes;
import app.spotter.template.SessionTemplateService;
import app.spotter.template.TemplateExerciseRoutes;
import app.spotter.template.TemplateExerciseService;
import app.spotter.trainee.AccessLinkRepository;
import app.spotter.trainee.AccessLinkRoutes;
import app.spotter.trainee.AccessLinkService;
import app.spotter.trainee.TraineeRepository;
import app.spotter.trainee.TraineeRoutes;
import app.spotter.trainee.TraineeService;
import app.spotter.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** The object graph: repositories, services and routes, wired once and shared by every HTTP verticle. */
public final class Services {
  final AccessGuard guard;
  final List<ApiRoutes> routes;
  final LiveEngine live;
  final Webhooks webhooks;

  /** {@code batchPool} serves the live engine's batched statements only. */
  Services(Vertx vertx, SpotterConfig config, Pool pool, Pool batchPool, Redis redis, OpenAPIContract contract,
      MeterRegistry registry) {
    AccessTokens accessTokens = new AccessTokens(vertx, config.jwtSecret().orElseThrow(),
        config.accessTokenTtl(), config.traineeTokenTtl());
    DisplayRepository displays = new DisplayRepository(pool);
    TrainerRepository trainers = new TrainerRepository(pool);
    PasswordVersions passwordVersions = new PasswordVersions(trainers);
    Authenticator authenticator = new Authenticator(accessTokens, displays, passwordVersions);
    FailureLimiter limiter = new FailureLimiter(redis);
    this.guard = new AccessGuard(contract, authenticator, limiter, config.rateLimits());

    this.webhooks = new Webhooks(vertx, pool, config.jwtSecret().orElseThrow(), config.webhooks());
    TraineeRepository traineeRepository = new TraineeRepository(pool);
    TraineeService traineeService = new TraineeService(pool, traineeRepository, webhooks.outbox());
    ProgramRepository programs = new ProgramRepository();
    TrainingSessionRepository trainingSessions = new TrainingSessionRepository();
    RecordRepository records = new RecordRepository(pool);
    ExerciseRecordRepository exerciseRecords = new ExerciseRecordRepository(pool);
    ExerciseService library = new ExerciseService(new ExerciseRepository(pool));
    PersonalRecords personalRecords = new PersonalRecords(new PersonalRecordRepository(pool));
    RecordExerciseService recordExercises = new RecordExerciseService(pool, records, exerciseRecords, library, personalRecords);
    SessionTemplateRepository templates = new SessionTemplateRepository(pool);
    TemplateExerciseService templateExercises =
        new TemplateExerciseService(pool, templates, new ExerciseTemplateRepository(pool), library);

    CoachingRepository coaching = new CoachingRepository(pool);
    SessionRecordService recordService =
        new SessionRecordService(pool, records, exerciseRecords, recordExercises, traineeService, webhooks.outbox(), coaching,
            personalRecords);
    this.live = new LiveEngine(vertx, pool, batchPool, redis, contract, authenticator, passwordVersions, config.rateLimits(),
        config.live(), records, exerciseRecords, new LiveCoaching(coaching), personalRecords, registry);
    AuthService authService = new AuthService(pool, trainers, new RefreshTokenRepository(), new PasswordHasher(vertx),
        accessTokens, passwordVersions, limiter, live.revocations(), config);

    this.routes = List.of(
        new AuthRoutes(authService, new MeService(trainers, trainee -> traineeService.get(trainee, trainee.id())), guard,
            new DeviceCookies(config.jwtSecret().orElseThrow(), config.publicUrl().startsWith("https:"))),
        new TraineeRoutes(traineeService),
        new RecordRoutes(personalRecords, traineeService, coaching),
        new AccessLinkRoutes(new AccessLinkService(new AccessLinkRepository(pool), traineeRepository, traineeService,
            accessTokens, limiter, config.publicUrl(), live.revocations()), guard),
        new DisplayRoutes(new DisplayService(pool, displays, new PairingStore(redis), limiter, live.revocations()),
            guard),
        new SessionRecordRoutes(recordService, recordExercises),
        new LiveSessionRoutes(new LiveSessionService(pool, recordService, live, webhooks.outbox())),
        new TraineeExportRoutes(traineeService, new ExportRepository(pool)),
        new ProgramRoutes(new ProgramService(pool, programs, trainingSessions),
            new TrainingSessionService(pool, programs, trainingSessions)),
        new SessionTemplateRoutes(new SessionTemplateService(pool, templates, templateExercises)),
        new TemplateExerciseRoutes(templateExercises),
        new ExerciseRoutes(library),
        new ProgressRoutes(new ProgressService(new ProgressRepository(pool))),
        webhooks.routes());
  }
}
