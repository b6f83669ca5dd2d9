# syntax=docker/dockerfile:1
# Reviewer Portal: a framework-dependent publish on Microsoft's ASP.NET Core 10 runtime image, run as a non-root user.
# Build from the repository root:  docker build -t reviewer-portal .
# Framework-dependent rather than self-contained: the runtime lives in the base image, which Microsoft rebuilds with
# every .NET security patch, so rebuilding the image patches the runtime without a new publish of ours; the app layer
# stays small (about 30 MB instead of 100).

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore from the build and project files only, so a source change reuses the restored layer.
COPY Directory.Build.props Directory.Packages.props ./
# Every project the portal references is copied (the client, the engine, the portal).
COPY ReviewerPortal.StepFunctions/ReviewerPortal.StepFunctions.csproj ReviewerPortal.StepFunctions/
COPY ReviewerPortal.Engine/ReviewerPortal.Engine.csproj ReviewerPortal.Engine/
COPY ReviewerPortal/ReviewerPortal.csproj ReviewerPortal/
RUN dotnet restore ReviewerPortal/ReviewerPortal.csproj
COPY ReviewerPortal.StepFunctions/ ReviewerPortal.StepFunctions/
COPY ReviewerPortal.Engine/ ReviewerPortal.Engine/
COPY ReviewerPortal/ ReviewerPortal/
RUN dotnet publish ReviewerPortal/ReviewerPortal.csproj --configuration Release --no-restore --output /app

FROM ${RUNTIME_IMAGE} AS runtime
# The listening port is configuration: build with --build-arg PORT=…, or run with -e ASPNETCORE_HTTP_PORTS=….
ARG PORT=8080
ENV ASPNETCORE_HTTP_PORTS=${PORT} \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_EnableDiagnostics=0 \
    Portal__DataDirectory=/data
WORKDIR /app
# APP_UID is the unprivileged "app" user the .NET base images define; Local mode writes only to /data.
RUN mkdir /data && chown "$APP_UID" /data
COPY --from=build /app ./
USER $APP_UID
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/app/ReviewerPortal", "--healthcheck"]
ENTRYPOINT ["/app/ReviewerPortal"]
