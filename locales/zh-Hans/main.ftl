# 默认主题的界面字符串（简体中文）。
# locales/en/main.ftl 的翻译：ID 相同。

language-name = 简体中文

## 页面结构
skip-to-content = 跳到主要内容
menu = 菜单
close-menu = 关闭菜单
toggle-dark-mode = 切换深色模式
language = 语言
site-navigation = 网站导航
breadcrumbs = 导航路径
pagination = 更多页面
home = 主页

## 正文和页脚
on-this-page = 本页内容
previous = 上一页
next = 下一页
last-updated = 上次更新时间：{ $date }
phase = 阶段
duplicate-notice = 这是此页面的一个额外副本。
duplicate-notice-link = 转到主版本
untranslated-notice = 您正在阅读的页面尚无此语言版本。这里是此语言的主页。

## 语言切换
translation-missing = 尚未翻译

## 提示框
alert-note = 注意
alert-tip = 提示
alert-important = 重要
alert-warning = 警告
alert-caution = 小心
alert-other = { $kind }

## DocFX 块 (:::zone、:::moniker、选项卡、:::image、[!VIDEO])
dfm-zone = 适用于：{ $values }
dfm-moniker = 版本：{ $range }
dfm-tabs = 可选项
dfm-image-description = 图片说明
dfm-video = 视频 ({ $host })
dfm-video-unavailable = 未嵌入的视频：{ $url }

## 各语言的主页
home-sections = 章节
home-all-pages = 所有页面
page-count = { $count } 个页面
task-count = { $count } 项任务

## 根页面（选择语言）
root-title = 选择语言
root-intro = 本手册提供以下语言版本。

## 404 页面
not-found-title = 找不到页面
not-found-text = 你请求的页面不存在或已被移动。
not-found-homes = 转到某种语言的主页：

## 侧边栏和目录

contents-title = 目录
contents-intro = 本手册导航中的所有条目，按顺序排列。
nav-in-contents = { $name }：在目录中显示
nav-more = 另外 { $count } 项

## 任务目录
nav-tasks = 任务
catalog-title = 任务目录
catalog-intro = 本手册在此语言中的全部任务。可按任意列排序；阶段标签可筛选列表。点击 ID 打开任务页面；页面链接会跳转到该任务所在的行。
catalog-no-phase = 无阶段
catalog-empty = 此语言还没有任务。
catalog-phases = 阶段
catalog-distinct-ids = 不重复的 ID：{ $count } 个
catalog-json = 以 JSON 格式下载
catalog-back = 全部任务
col-id = ID
col-task = 任务
col-requirement = 必需/可选
col-role = 角色
col-services = 服务
col-where = 位置
requirement-mandatory = 必需
requirement-optional = 可选
filter-title = 筛选任务
filter-text = 搜索
filter-text-hint = ID、名称、角色或服务
filter-service = 服务
filter-all = 全部
filter-reset = 清除筛选
filter-sort = 排序方式
filter-sort-page = 按阶段顺序
filter-no-match = 没有符合这些筛选条件的任务。

## 任务页面
task-page-title = 任务 { $id }：{ $name }
task-label = 任务 { $id }
task-where = 所在位置
task-rows-here = 此 ID 在此语言中有 { $count } 行。
task-languages = 所有语言
task-status = 状态
task-open = 任务页面
status-this = 当前语言
status-same = 必需/可选一致
status-differs = 必需/可选不一致
status-missing = 缺失

## 翻译矩阵
matrix-title = 翻译矩阵
matrix-intro = 显示每种语言中有哪些任务 ID。必需/可选与 { $language } 比较（如果该语言缺少此任务，则与第一个包含它的语言比较）。
matrix-legend = 图例
matrix-present = 存在，必需/可选一致
matrix-differs = 存在，必需/可选不一致
matrix-missing = 缺失
matrix-total-present = 存在
matrix-total-differs = 不一致
matrix-total-missing = 缺失

## 站内搜索（页眉中的搜索框；仅在启用 JavaScript 时显示）

search-label = 搜索本手册
search-placeholder = 搜索
search-results-label = 搜索结果
search-loading = 正在加载搜索索引…
search-no-results = 没有与这些字词匹配的结果。
search-error = 无法加载搜索。
search-results = 搜索结果：{ $count } 条

## 代码块
code-copy = 复制
code-copied = 已复制

## 页脚
edit-page = 编辑此页

## 目录与矩阵
catalog-csv = 以 CSV 格式下载
catalog-all-phases = 所有阶段
matrix-gaps-only = 仅显示差异
matrix-gaps-hint = 仅显示在某种语言中缺失或不同的任务。
matrix-totals = 合计

## 404 页面
not-found-suggestions = 你可能在找这些页面：
not-found-search = 搜索本手册

## 打印版本
print-link = 打印或另存为 PDF
print-title = { $title }：完整手册
print-contents = 目录
print-updated = 更新于 { $date }
print-hint = 使用浏览器的打印命令 (Ctrl+P)，然后选择“另存为 PDF”。

## 重定向
redirect-title = 此页面已移动
redirect-text = 现在位于：
