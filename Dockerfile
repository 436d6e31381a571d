# Multi-stage build of the bot; untested here (no container runtime or base images on the build machines).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# A runtime identifier so the publish is ReadyToRun-compiled (see TalksBot.csproj); the aspnet image brings the runtime.
RUN dotnet publish src/TalksBot -c Release -r linux-x64 --no-self-contained -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
# The image's non-root user (uid 1654); the index lives on the /data volume.
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Index__DatabasePath=/data/talksbot.db \
    DOTNET_ENVIRONMENT=Production
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["dotnet", "/app/TalksBot.dll", "healthcheck", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "/app/TalksBot.dll", "run"]
