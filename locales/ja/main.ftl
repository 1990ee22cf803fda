# 既定テーマの UI 文字列 (日本語)。
# locales/en/main.ftl の翻訳: ID は同じです。

language-name = 日本語

## ページの構成
skip-to-content = コンテンツへスキップ
menu = メニュー
close-menu = メニューを閉じる
toggle-dark-mode = ダーク モードの切り替え
language = 言語
site-navigation = サイト ナビゲーション
breadcrumbs = 階層リンク
pagination = その他のページ
home = ホーム

## 本文とフッター
on-this-page = このページの内容
previous = 前へ
next = 次へ
last-updated = 最終更新日: { $date }
phase = フェーズ
duplicate-notice = これはこのページの追加コピーです。
duplicate-notice-link = メインのバージョンへ移動

## 言語の切り替え
translation-missing = 未翻訳

## 注意書き
alert-note = 注記
alert-tip = ヒント
alert-important = 重要
alert-warning = 警告
alert-caution = 注意
alert-other = { $kind }

## 各言語のホーム ページ
home-sections = セクション
home-all-pages = すべてのページ
page-count = { $count } ページ
task-count = { $count } 件のタスク

## ルート ページ (言語の選択)
root-title = 言語を選択してください
root-intro = このプレイブックは次の言語で利用できます。

## 404 ページ
not-found-title = ページが見つかりません
not-found-text = お探しのページは存在しないか、移動されました。
not-found-homes = 各言語のホーム ページへ移動:
