# career-bot in a container: see README, "Running it in a container".
#
#   docker build --build-arg VERSION="$(git describe --tags)" -t career-bot .
#   docker compose up -d          # compose.yaml: restart policy, .env, read-only root, cache volume
#
# Two stages: the first installs the locked runtime dependencies (checked against their hashes)
# and the bot into a virtual environment; the second copies only that environment onto a slim
# Python, runs as an unprivileged user, and keeps every file it writes in one folder
# (/var/cache/career-bot, a volume), so the root filesystem can be mounted read-only.

ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
# The version the bot reports (`career-bot --version`); hatch-vcs reads it from git, which the
# build context leaves out (.dockerignore), so CI passes `git describe`'s answer here.
ARG VERSION=0.0.0+unknown
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY requirements.lock ./
RUN python -m venv /opt/career-bot \
    && /opt/career-bot/bin/pip install --no-deps --require-hashes -r requirements.lock
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY data ./data
# The bot, then pip and setuptools leave the environment: nothing installs at run time.
RUN SETUPTOOLS_SCM_PRETEND_VERSION="${VERSION}" /opt/career-bot/bin/pip install --no-deps . \
    && /opt/career-bot/bin/pip uninstall --quiet --yes pip setuptools

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="career-bot" \
      org.opencontainers.image.description="A Discord bot that answers US career questions" \
      org.opencontainers.image.licenses="MIT"
# Settings the image fixes (the rest come from the environment / env_file: see .env.example).
# The cache is $XDG_CACHE_HOME/career-bot = /var/cache/career-bot (so an empty
# CAREER_BOT_CACHE_DIR= line copied from .env.example cannot move it). METRICS_PORT serves
# /metrics and /healthz (the HEALTHCHECK below); compose publishes it on 127.0.0.1 only.
ENV PATH=/opt/career-bot/bin:${PATH} \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    XDG_CACHE_HOME=/var/cache \
    MPLCONFIGDIR=/var/cache/career-bot/matplotlib \
    METRICS_PORT=9108 \
    METRICS_ADDR=0.0.0.0
RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin career-bot \
    && install -d -o career-bot -g career-bot -m 0700 /var/cache/career-bot \
    && install -d -m 0755 /app
COPY --from=build /opt/career-bot /opt/career-bot
USER 10001:10001
WORKDIR /app
# Warm the start-up cache at build time: the parsed dataset and the matcher index (what
# `career-bot run` loads first), and matplotlib's font list. A new (empty) cache volume starts
# with these files; a volume kept from an older image is refreshed by the first start.
RUN career-bot check-data \
    && career-bot salary "registered nurse" > /dev/null \
    && python -c "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot"
VOLUME ["/var/cache/career-bot"]
EXPOSE 9108
STOPSIGNAL SIGTERM
# Healthy once every shard is connected to Discord (GET /healthz → 200; 503 while starting,
# reconnecting or stopping).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['METRICS_PORT'], timeout=4)"]
ENTRYPOINT ["career-bot"]
CMD ["run"]
