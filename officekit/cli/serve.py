"""`officekit serve`: the review desk, a local page where a secretary drops drafts and downloads the copies."""

from __future__ import annotations

import click

from officekit.cli.common import fail_usage
from officekit.desk.serve import DEFAULT_PORT


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="监听的端口（0 表示任选一个空闲端口）")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听的地址；默认只有本机能打开。改为其他地址会让局域网内的电脑也能访问")
@click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False),
              help="审核用的配置文件（默认：启动目录中或其上层的 .officekit.yaml）")
@click.option("--open", "open_browser", is_flag=True, help="启动后在默认浏览器中打开页面")
def serve(port, host, config, open_browser):
    """启动本机审核页面：把草稿拖进浏览器，看各关结论，下载审阅稿、修订稿。

    文件只存放在本机的临时目录中，会话结束、一小时不用或停止服务（Ctrl+C）时删除；不需要网络，不需要账号。
    """
    import signal
    import threading

    from officekit.check import config_for
    from officekit.desk.serve import DeskServer, port_error
    from officekit.engine.rule import RuleError
    from officekit.engine.ruleset import active_rules
    from officekit.errors import ConfigError

    try:
        settings = config_for(".", config)  # the office's settings: those of the folder serve starts in
        active_rules(settings)  # a broken rule or config file is said now, not on the first upload
    except (RuleError, ConfigError) as exc:
        fail_usage(f"规则或配置无法加载：{exc}")
    try:
        server = DeskServer(host, port, settings)
    except OSError as exc:
        fail_usage(port_error(exc, host, port))
    # A service manager's stop (SIGTERM) ends the server like Ctrl+C does: the files are deleted.
    signal.signal(signal.SIGTERM, _interrupt)
    threading.Thread(target=server.warm_up, daemon=True).start()  # an upload meanwhile waits for it
    try:
        click.echo(f"officekit 公文审核台已启动：{server.url}", err=False)
        click.echo("在浏览器中打开上面的地址；按 Ctrl+C 停止（停止时删除所有上传的文件）。", err=True)
        if server.loopback is False:
            click.echo(f"注意：监听 {host}，同一网络中的其他电脑也能打开此页面。", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        click.echo("已停止，上传的文件已删除。", err=True)
    finally:
        server.server_close()


def _interrupt(signum, frame):
    raise KeyboardInterrupt
