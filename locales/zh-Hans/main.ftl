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

## 语言切换
translation-missing = 尚未翻译

## 提示框
alert-note = 注意
alert-tip = 提示
alert-important = 重要
alert-warning = 警告
alert-caution = 小心
alert-other = { $kind }

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
